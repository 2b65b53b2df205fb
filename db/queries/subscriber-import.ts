import "server-only";
import { sql } from "drizzle-orm";
import { findPurpose } from "@/lib/consent/purposes";
import type { SubscriberCsvIssue, SubscriberImportRow } from "@/lib/marketing/subscriber-csv";
import type { Tx } from "../index";
import { suppressionHashSql } from "./audience";

/*
 * A subscriber import, inside the caller's audited transaction. Rows travel to PostgreSQL as
 * one JSON parameter (50,000 rows would overflow the 65,535 bind parameters), and each step is
 * one set-based statement, so a big file takes seconds, not a round trip per person.
 *
 * Imports run one at a time (a transaction-level advisory lock): two copies of one file
 * uploaded together would otherwise both see "no consent yet" and both add a grant.
 */

const rowsJson = (rows: SubscriberImportRow[]) =>
  JSON.stringify(rows.map((r) => ({ ord: r.row, email: r.email, topics: r.topics, source: r.source, wording_id: r.wordingId, declared_at: r.declaredAt.toISOString() })));

const input = (json: string) => sql`jsonb_to_recordset(${json}::jsonb) as r(ord int, email text, topics text[], source text, wording_id text, declared_at timestamptz)`;

/**
 * What the database refuses: addresses on the suppression list (said without saying why
 * beyond "asked never to be emailed" or "bounced"), and topics a person has withdrawn here,
 * which an import must never undo.
 */
export async function findImportConflicts(tx: Tx, rows: SubscriberImportRow[]): Promise<SubscriberCsvIssue[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('subscriber-import'))`);
  if (rows.length === 0) return [];
  const json = rowsJson(rows);
  const suppressed = await tx.execute<{ ord: number; reason: string }>(sql`
    select r.ord, x.reason from ${input(json)}
    join suppressions x on x.email_hash = ${suppressionHashSql(sql`r.email`)}
    order by r.ord`);
  const refused = new Set(suppressed.map((s) => s.ord));
  const withdrawn = await tx.execute<{ ord: number; purpose: string }>(sql`
    select r.ord, t.purpose from ${input(json)}
    join subscribers s on s.email = r.email
    cross join lateral unnest(r.topics) t(purpose)
    where (select e.action from consent_events e
           where e.subscriber_id = s.id and e.purpose = t.purpose and e.action <> 'requested'
           order by e.id desc limit 1) = 'withdrawn'
    order by r.ord, t.purpose`);
  const issues: SubscriberCsvIssue[] = suppressed.map((s) => ({
    row: s.ord,
    column: "email",
    message:
      s.reason === "bounced"
        ? "Emails to this address bounced, so it is on the do-not-email list and cannot be imported."
        : "This address asked never to be emailed again, so it is on the do-not-email list and cannot be imported.",
  }));
  for (const w of withdrawn) {
    if (refused.has(w.ord)) continue;
    issues.push({
      row: w.ord,
      column: "topics",
      message: `This person unsubscribed from ${findPurpose(w.purpose)?.label ?? w.purpose} here. Their choice stands: an import cannot subscribe them again. Remove the topic (or the row).`,
    });
  }
  return issues.sort((a, b) => a.row - b.row);
}

export type ImportOutcome = { added: number; updated: number; unchanged: number };

/**
 * Applies checked rows: each address becomes (or stays) a confirmed subscriber, and each
 * topic without a decision yet gets a `granted` event (method import, the declared date, the
 * wording's content-hash id). A topic already granted keeps its grant; nothing is changed on it.
 */
export async function applySubscriberImport(tx: Tx, rows: SubscriberImportRow[]): Promise<ImportOutcome> {
  if (rows.length === 0) return { added: 0, updated: 0, unchanged: 0 };
  const wordings = new Map(rows.map((r) => [r.wordingId, r.wording]));
  await tx.execute(sql`
    insert into consent_wordings (id, text)
    select w.id, w.text from jsonb_to_recordset(${JSON.stringify([...wordings].map(([id, text]) => ({ id, text })))}::jsonb) as w(id text, text text)
    on conflict (id) do nothing`);
  const json = rowsJson(rows);
  const upserted = await tx.execute<{ id: string; inserted: boolean }>(sql`
    insert into subscribers (email, confirmed_at)
    select r.email, now() from ${input(json)} order by r.ord
    on conflict (email) do update set confirmed_at = coalesce(subscribers.confirmed_at, excluded.confirmed_at)
    returning id, (xmax = 0) as inserted`);
  // Only topics with no decision yet: a withdrawal was refused above, and is checked again
  // here, in the statement that writes, in case one arrived since.
  const granted = await tx.execute<{ subscriber_id: string }>(sql`
    insert into consent_events (subscriber_id, user_id, purpose, action, wording_id, source, method, declared_at)
    select s.id, s.user_id, t.purpose, 'granted', r.wording_id, r.source, 'import', r.declared_at
    from ${input(json)}
    join subscribers s on s.email = r.email
    cross join lateral unnest(r.topics) t(purpose)
    where not exists (select 1 from consent_events e where e.subscriber_id = s.id and e.purpose = t.purpose and e.action <> 'requested')
    order by r.ord, t.purpose
    returning subscriber_id`);
  const changed = new Set(granted.map((g) => g.subscriber_id));
  let added = 0;
  let updated = 0;
  for (const u of upserted) {
    if (u.inserted) added++;
    else if (changed.has(u.id)) updated++;
  }
  return { added, updated, unchanged: upserted.length - added - updated };
}
