import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../index";

/*
 * The newsletter list as a marketer reads it. What someone receives is never stored on the
 * subscriber: it is each topic's latest grant or withdrawal in the consent ledger, worked out
 * here in SQL, so this list always says what the ledger says.
 */

export const subscriberStatuses = ["active", "pending", "unsubscribed"] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

export const SUBSCRIBERS_PER_PAGE = 25;

export type SubscriberRowDto = { id: string; email: string; hasAccount: boolean; createdAt: Date; confirmedAt: Date | null; topics: string[]; status: SubscriberStatus; source: string | null };

export type SubscriberFilters = { q?: string; status?: SubscriberStatus; topic?: string; page: number };

/** Newest first; `total` counts every match. `source` is where they first asked to subscribe. */
export async function listSubscribers(f: SubscriberFilters): Promise<{ rows: SubscriberRowDto[]; total: number }> {
  const like = f.q ? `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await getDb().execute<{
    id: string;
    email: string;
    user_id: string | null;
    created_at: string;
    confirmed_at: string | null;
    topics: string[];
    source: string | null;
    total: number;
  }>(sql`
    with latest as (
      select distinct on (subscriber_id, purpose) subscriber_id, purpose, action
      from consent_events
      where subscriber_id is not null and purpose like 'newsletter:%' and action <> 'requested'
      order by subscriber_id, purpose, id desc
    ), active as (
      select subscriber_id, array_agg(purpose order by purpose) as topics from latest where action = 'granted' group by subscriber_id
    ), listed as (
      select s.id, s.email, s.user_id, s.created_at, s.confirmed_at, coalesce(a.topics, '{}') as topics,
        (select e.source from consent_events e where e.subscriber_id = s.id order by e.id limit 1) as source
      from subscribers s left join active a on a.subscriber_id = s.id
      where (${like}::text is null or s.email like ${like})
        and (${f.topic ?? null}::text is null or ${f.topic ?? null} = any(a.topics))
    )
    select *, count(*) over ()::int as total from listed
    where case ${f.status ?? null}::text
      when 'active' then cardinality(topics) > 0
      when 'pending' then cardinality(topics) = 0 and confirmed_at is null
      when 'unsubscribed' then cardinality(topics) = 0 and confirmed_at is not null
      else true end
    order by created_at desc, id
    limit ${SUBSCRIBERS_PER_PAGE} offset ${(f.page - 1) * SUBSCRIBERS_PER_PAGE}`);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      email: r.email,
      hasAccount: r.user_id !== null,
      createdAt: new Date(r.created_at),
      confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
      topics: r.topics,
      source: r.source,
      status: r.topics.length > 0 ? "active" : r.confirmed_at ? "unsubscribed" : "pending",
    })),
  };
}
