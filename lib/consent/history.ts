import { describeSource } from "./purposes";
import { formatDate } from "@/lib/dates";

type Event = { action: "requested" | "granted" | "withdrawn"; method: string; source: string; createdAt: Date };

/** One sentence per ledger event: "You agreed on 3 Nov 2026 at checkout." */
export function describeConsentEvent(event: Event): string {
  const on = `on ${formatDate(event.createdAt)}`;
  if (event.action === "requested") return `You asked to subscribe ${on} ${describeSource(event.source)}.`;
  if (event.action === "granted") {
    if (event.method === "double_opt_in") return `You confirmed by email ${on}.`;
    return `You agreed ${on} ${describeSource(event.source)}.`;
  }
  // Not the person's choice: the shop stopped on the email provider's report (lib/email/webhooks.ts).
  if (event.method === "bounce") return `We stopped sending ${on}: our emails to you could not be delivered.`;
  if (event.method === "complaint") return `We stopped sending ${on} after one of our emails was marked as spam.`;
  return `You withdrew ${on} ${describeSource(event.source)}.`;
}
