import { describeSource, findPurpose } from "@/lib/consent/purposes";
import { formatDate } from "@/lib/dates";

export type GrantedTopic = { purpose: string; at: Date; source: string };

/**
 * The "why you get this" sentence of a marketing email, from the ledger's current grants:
 * "You subscribed to New arrivals on 3 Nov 2026 via the link page on our social profiles."
 */
export function subscriptionReason(granted: GrantedTopic[]): string {
  if (granted.length === 0) return "You are not subscribed to any of our emails any more; this is the last you will get.";
  const parts = granted.map((g) => `${findPurpose(g.purpose)?.label ?? g.purpose} on ${formatDate(g.at)} ${describeSource(g.source)}`);
  const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and to ${parts.at(-1)}`;
  return `You subscribed to ${joined}.`;
}
