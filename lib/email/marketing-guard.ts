import "server-only";
import { stillReachable } from "@/db/queries/audience";
import { getDb } from "@/db";
import { sql } from "drizzle-orm";

/*
 * The second lock on the door. The audience query already leaves out anyone without an active
 * grant or on the suppression list; the email module checks again, right before the provider
 * is called, so a bug in a segment, a stale snapshot or a new caller can never mail someone
 * who said no.
 */

export class MarketingRefusedError extends Error {
  constructor(readonly refused: { subscriberId: string; why: "withdrawn" | "suppressed" | "address_changed" }[]) {
    super(`Marketing email refused for ${refused.length} recipient(s) without an active grant or on the suppression list`);
    this.name = "MarketingRefusedError";
  }
}

/**
 * Throws unless every recipient (a subscriber and the address being mailed) has an active
 * grant for at least one of `topics` and is not suppressed.
 */
export async function assertMayMarket(recipients: { subscriberId: string; email: string }[], topics: string[]) {
  if (recipients.length === 0) return;
  if (topics.length === 0) throw new MarketingRefusedError(recipients.map((r) => ({ subscriberId: r.subscriberId, why: "withdrawn" as const })));
  const verdicts = await Promise.all(topics.map((topic) => stillReachable(recipients.map((r) => r.subscriberId), topic)));
  // The address mailed must be the subscriber's own: a grant for one address never covers another.
  const rows = await getDb().execute<{ id: string; email: string }>(
    sql`select id, email from subscribers where id in (${sql.join(
      recipients.map((r) => sql`${r.subscriberId}::uuid`),
      sql`, `,
    )})`,
  );
  const addressOf = new Map(rows.map((r) => [r.id, r.email]));
  const refused: MarketingRefusedError["refused"] = [];
  for (const r of recipients) {
    if (addressOf.get(r.subscriberId) !== r.email.trim().toLowerCase()) {
      refused.push({ subscriberId: r.subscriberId, why: "address_changed" });
      continue;
    }
    const states = verdicts.map((v) => v.get(r.subscriberId));
    if (states.includes("suppressed")) refused.push({ subscriberId: r.subscriberId, why: "suppressed" });
    else if (!states.includes("ok")) refused.push({ subscriberId: r.subscriberId, why: "withdrawn" });
  }
  if (refused.length) throw new MarketingRefusedError(refused);
}
