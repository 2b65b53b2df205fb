import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { retentionRules, type RetentionPeriod, type RetentionRuleId } from "@/lib/privacy/retention";
import { getDb } from "../index";

/*
 * The retention job's deletions, one per rule in lib/privacy/retention.ts (where the periods
 * live). Each rule deletes in chunks, one short statement (and transaction) per chunk, so a
 * big backlog (a year of page views on the first run) never holds locks for long or blocks
 * the shop's own writes to the same table.
 */

/** Rows per delete statement. */
export const RETENTION_CHUNK_SIZE = 5000;

type Deletion = {
  /**
   * Which rows are past their period. `now` is the run's start; `cutoff` is now minus the
   * rule's period. Expiry rules compare the row's own expiry with now (the period there is the
   * lifetime the row was given when it was written).
   */
  past: (at: { now: SQL; cutoff: SQL }) => SQL;
};

const deletions: Record<RetentionRuleId, Deletion> = {
  "page-views": { past: ({ cutoff }) => sql`at < ${cutoff}` },
  "link-clicks": { past: ({ cutoff }) => sql`at < ${cutoff}` },
  // A salt's day is a UTC date; its period counts from the day's first moment.
  "analytics-salts": { past: ({ cutoff }) => sql`(day::timestamp at time zone 'UTC') < ${cutoff}` },
  // Auth.js moves `expires` forward while the session is used: past it, the session is dead.
  sessions: { past: ({ now }) => sql`expires < ${now}` },
  // Auth.js deletes a link's token when it is used; these are the ones never used.
  "sign-in-links": { past: ({ now }) => sql`expires < ${now}` },
  // Only the link goes: the subscriber row and its `requested` events in the consent ledger
  // stay (the ledger is append-only; they are the record that someone asked).
  "newsletter-confirmations": { past: ({ now }) => sql`expires_at < ${now}` },
  "back-in-stock-unconfirmed": { past: ({ now }) => sql`status = 'requested' and token_expires_at < ${now}` },
  // A signed-in shopper's saved cart is part of their account and is kept with it. Every
  // change to a cart moves updated_at, and the cart cookie is set only when a cart is made or
  // claimed at sign-in (both move it too), so past the cookie's life nobody holds this cart.
  "guest-carts": { past: ({ cutoff }) => sql`user_id is null and updated_at < ${cutoff}` },
  "rate-limit-hits": { past: ({ cutoff }) => sql`created_at < ${cutoff}` },
  "webhook-receipts": { past: ({ cutoff }) => sql`received_at < ${cutoff}` },
  "email-log": { past: ({ cutoff }) => sql`created_at < ${cutoff}` },
};

function interval({ amount, unit }: RetentionPeriod): SQL {
  switch (unit) {
    case "minutes":
      return sql`make_interval(mins => ${amount}::int)`;
    case "hours":
      return sql`make_interval(hours => ${amount}::int)`;
    case "days":
      return sql`make_interval(days => ${amount}::int)`;
    case "months":
      return sql`make_interval(months => ${amount}::int)`;
  }
}

export type RetentionResult = { id: RetentionRuleId; table: string; deleted: number };

/**
 * Deletes everything past its period, rule by rule, and says how many rows each rule deleted
 * (rows that belong to a deleted row, like a cart's lines, go with it and are not counted).
 * Safe to run at any time and from two places at once: a row another run deleted first is
 * simply not there, and a row changed meanwhile (a cart touched, a link confirmed) is checked
 * again by the delete itself.
 */
export async function runRetention(options: { only?: readonly RetentionRuleId[]; chunkSize?: number } = {}): Promise<RetentionResult[]> {
  const db = getDb();
  const chunkSize = options.chunkSize ?? RETENTION_CHUNK_SIZE;
  const [start] = await db.execute<{ now: string }>(sql`select now()::text as now`);
  const now = sql`${start!.now}::timestamptz`;
  const results: RetentionResult[] = [];
  for (const rule of retentionRules) {
    if (options.only && !options.only.includes(rule.id)) continue;
    const { past } = deletions[rule.id];
    const condition = past({ now, cutoff: sql`(${now} - ${interval(rule.period)})` });
    const table = sql.identifier(rule.table);
    let deleted = 0;
    for (;;) {
      // A chunk is picked by physical row address (a TID scan, whatever the table's key). The
      // condition is checked again by the delete itself: a row changed since the chunk was
      // picked (a cart touched a moment ago) is judged by its new version, and kept.
      const rows = await db.execute(sql`
        delete from ${table}
        where ctid = any(array(select ctid from ${table} where ${condition} limit ${chunkSize}))
          and ${condition}`);
      deleted += rows.count;
      if (rows.count < chunkSize) break;
    }
    results.push({ id: rule.id, table: rule.table, deleted });
  }
  return results;
}
