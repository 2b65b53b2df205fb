import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { newsletterTopicIds } from "@/lib/consent/purposes";
import { getDb } from "../index";
import { suppressionHashSql } from "./audience";

/*
 * The newsletter list as a marketer reads it. What someone receives is never stored on the
 * subscriber: it is each topic's latest grant or withdrawal in the consent ledger, worked out
 * here in SQL, so this list always says what the ledger says. An address whose email bounced
 * or was reported as spam is on the suppression list (as a keyed hash, matched here in SQL):
 * that state wins, whatever the ledger still holds, because nothing will be sent to it.
 *
 * Speed with 100,000 subscribers: the page's rows are found by walking subscribers_created_at_idx
 * newest first and stop at the page's last row, and what a row shows (topics, source,
 * suppression) is worked out only for those rows. The total is a second query, run beside it,
 * that evaluates only the conditions a filter asks for; a status filter has to hash every
 * address (≈0.3 s per 100,000), which is the price of a suppression list that holds no address.
 */

export const subscriberStatuses = ["active", "pending", "unsubscribed", "bounced", "complained"] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

export const SUBSCRIBERS_PER_PAGE = 25;

export type SubscriberRowDto = { id: string; email: string; hasAccount: boolean; createdAt: Date; confirmedAt: Date | null; topics: string[]; status: SubscriberStatus; source: string | null };

export type SubscriberFilters = { q?: string; status?: SubscriberStatus; topic?: string; source?: string; from?: Date; to?: Date };

/** Whether the latest grant-or-withdrawal of `topic` for subscriber `s` is a grant. */
const grants = (topic: string) => sql`coalesce((
  select e.action = 'granted' from consent_events e
  where e.subscriber_id = s.id and e.purpose = ${topic} and e.action <> 'requested'
  order by e.id desc limit 1), false)`;

const grantsAnyTopic = sql`(${sql.join(
  newsletterTopicIds.map((t) => grants(t)),
  sql` or `,
)})`;

/**
 * 'bounced' or 'complained' when the address is suppressed for that reason, else null. Built
 * per query: the keyed hash needs AUTH_SECRET, which is read at run time, not at build.
 */
const blockedReason = () => sql`(select x.reason from suppressions x where x.email_hash = ${suppressionHashSql(sql`s.email`)} and x.reason in ('bounced', 'complained'))`;

/** Where they first asked (or agreed) to receive a newsletter topic. */
const firstSource = sql`(select e.source from consent_events e where e.subscriber_id = s.id and e.purpose like 'newsletter:%' order by e.id limit 1)`;

function conditions(f: SubscriberFilters): SQL {
  const where: SQL[] = [];
  if (f.q) where.push(sql`s.email like ${`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.from) where.push(sql`s.created_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) where.push(sql`s.created_at < ${f.to.toISOString()}::timestamptz`);
  if (f.topic) where.push(grants(f.topic));
  // Candidates first (anyone with a request or grant from that source, from the index), then
  // whether it was their first: a withdrawal is never anyone's first newsletter event.
  if (f.source) {
    where.push(sql`s.id in (select e.subscriber_id from consent_events e where e.source = ${f.source} and e.purpose like 'newsletter:%' and e.action <> 'withdrawn')`);
    where.push(sql`${firstSource} = ${f.source}`);
  }
  switch (f.status) {
    case "bounced":
    case "complained":
      where.push(sql`${blockedReason()} = ${f.status}`);
      break;
    case "active":
      where.push(sql`${blockedReason()} is null and ${grantsAnyTopic}`);
      break;
    case "pending":
      where.push(sql`s.confirmed_at is null and ${blockedReason()} is null and not ${grantsAnyTopic}`);
      break;
    case "unsubscribed":
      where.push(sql`s.confirmed_at is not null and ${blockedReason()} is null and not ${grantsAnyTopic}`);
      break;
  }
  return where.length ? sql.join(where, sql` and `) : sql`true`;
}

/** Each topic's latest grant-or-withdrawal, as joined columns t0, t1… (action, wording_id). */
const topicJoins = sql.join(
  newsletterTopicIds.map(
    (topic, i) => sql`left join lateral (
      select e.action, e.wording_id from consent_events e
      where e.subscriber_id = s.id and e.purpose = ${topic} and e.action <> 'requested'
      order by e.id desc limit 1) ${sql.raw(`t${i}`)} on true`,
  ),
  sql` `,
);
const activeTopics = sql`array_remove(array[${sql.join(
  newsletterTopicIds.map((topic, i) => sql`case when ${sql.raw(`t${i}`)}.action = 'granted' then ${topic}::text end`),
  sql`, `,
)}], null)`;
const activeWordings = sql`array(select distinct w from unnest(array[${sql.join(
  newsletterTopicIds.map((_, i) => sql`case when ${sql.raw(`t${i}`)}.action = 'granted' then ${sql.raw(`t${i}`)}.wording_id end`),
  sql`, `,
)}]) w where w is not null order by w)`;

/** The row's columns, worked out for the rows shown (or exported) only. */
function listedSelect(f: SubscriberFilters, tail: SQL): SQL {
  return sql`
    select s.id, s.email, s.user_id, s.created_at, s.confirmed_at, ${activeTopics} as topics, ${activeWordings} as wordings,
      ${blockedReason()} as blocked, ${firstSource} as source
    from (select s.id, s.email, s.user_id, s.created_at, s.confirmed_at from subscribers s where ${conditions(f)} ${tail}) s
    ${topicJoins}
    order by s.created_at desc, s.id desc`;
}

type ListedRow = { id: string; email: string; user_id: string | null; created_at: string | Date; confirmed_at: string | Date | null; topics: string[]; wordings: string[]; blocked: "bounced" | "complained" | null; source: string | null };

function statusOf(r: ListedRow): SubscriberStatus {
  if (r.blocked) return r.blocked;
  return r.topics.length > 0 ? "active" : r.confirmed_at ? "unsubscribed" : "pending";
}

function toDto(r: ListedRow): SubscriberRowDto & { wordingIds: string[] } {
  return {
    id: r.id,
    email: r.email,
    hasAccount: r.user_id !== null,
    createdAt: new Date(r.created_at),
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
    topics: r.topics,
    wordingIds: r.wordings,
    source: r.source,
    status: statusOf(r),
  };
}

/** Newest first; `total` counts every match. `source` is where they first asked to subscribe. */
export async function listSubscribers(f: SubscriberFilters & { page: number }): Promise<{ rows: SubscriberRowDto[]; total: number }> {
  const db = getDb();
  const [rows, counted] = await Promise.all([
    db.execute<ListedRow>(listedSelect(f, sql`order by s.created_at desc, s.id desc limit ${SUBSCRIBERS_PER_PAGE} offset ${(f.page - 1) * SUBSCRIBERS_PER_PAGE}`)),
    db.execute<{ n: number }>(sql`select count(*)::int as n from subscribers s where ${conditions(f)}`),
  ]);
  return { total: counted[0]?.n ?? 0, rows: rows.map(toDto) };
}

/**
 * Every source a newsletter consent has come from (footer, checkout, import:…), for the
 * filter's choices: a skip scan over consent_events_newsletter_source_idx, one probe per source.
 */
export async function listSubscriberSources(): Promise<string[]> {
  const rows = await getDb().execute<{ source: string }>(sql`
    with recursive found as (
      (select e.source from consent_events e where e.purpose like 'newsletter:%' and e.action <> 'withdrawn' order by e.source limit 1)
      union all
      select (select e.source from consent_events e
              where e.purpose like 'newsletter:%' and e.action <> 'withdrawn' and e.source > found.source
              order by e.source limit 1)
      from found where found.source is not null)
    select source from found where source is not null`);
  return rows.map((r) => r.source);
}

export type SubscriberExportRow = SubscriberRowDto & { wordingIds: string[] };

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * The filtered list for a CSV download, newest first, read with a server-side cursor in
 * batches (the next batch is fetched only when the download has taken the last).
 */
export async function* streamSubscriberList(f: SubscriberFilters, batchRows = 500): AsyncGenerator<SubscriberExportRow[]> {
  const query = dialect.sqlToQuery(listedSelect(f, sql``));
  const cursor = getDb().$client.unsafe<ListedRow[]>(query.sql, query.params as never[]).cursor(batchRows);
  for await (const batch of cursor) yield batch.map(toDto);
}

/** The words behind imported consents (wording ids "imported-…"), for a subscriber's page. */
export async function listImportedWordings(ids: string[]): Promise<{ id: string; text: string }[]> {
  const wanted = [...new Set(ids.filter((id) => id.startsWith("imported-")))];
  if (wanted.length === 0) return [];
  const rows = await getDb().execute<{ id: string; text: string }>(sql`select id, text from consent_wordings where id in (${sql.join(
    wanted.map((id) => sql`${id}`),
    sql`, `,
  )}) order by id`);
  return rows.map((r) => ({ id: r.id, text: r.text }));
}
