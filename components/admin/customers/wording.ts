import { describeSource } from "@/lib/consent/purposes";
import { formatDate } from "@/lib/dates";

/*
 * How the customer pages describe things to staff. The shopper reads their own consent
 * history in the privacy centre in the second person ("You agreed…"); staff read the same
 * ledger in the third, with the method and the wording version they may need to prove it.
 */

const methods: Record<string, string> = {
  checkbox: "ticked a box",
  double_opt_in: "confirmed by email (double opt-in)",
  privacy_centre: "privacy centre switch",
  preference_page: "email preferences page",
  unsubscribe_header: "one-click unsubscribe in their email app",
  unsubscribe_page: "unsubscribe link",
  bounce: "hard bounce: the address cannot receive email",
  complaint: "marked one of our emails as spam",
  account_deletion: "account deletion",
  import: "CSV import",
  suggestion_panel: "switch beside a suggestion",
};

type Event = { action: "requested" | "granted" | "withdrawn"; method: string; source: string; createdAt: Date };

/** "Granted on 3 Nov 2026 at checkout (ticked a box)". */
export function describeConsentEventForStaff(event: Event): string {
  const verb = event.action === "requested" ? "Asked to subscribe (not yet consent)" : event.action === "granted" ? "Granted" : "Withdrawn";
  // The shopper's words for where it happened ("in your privacy centre"), told about them.
  const where = describeSource(event.source).replace(/\byour\b/g, "their").replace(/\byou\b/g, "they");
  return `${verb} on ${formatDate(event.createdAt)} ${where} (${methods[event.method] ?? event.method})`;
}
