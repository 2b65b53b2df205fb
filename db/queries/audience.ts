import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { authSecret } from "@/lib/env";
import type { SegmentRules } from "@/lib/marketing/segment-rules";
import { getDb, type Tx } from "../index";

/*
 * The one query that decides who a marketing email may go to. Whatever a segment says, a
 * person is included only when
 *   - the latest ledger event for the campaign's topic is a grant (not a request, not a
 *     withdrawal), and
 *   - their address is not on the suppression list (account deleted, unsubscribed from all,
 *     hard bounce, complaint), matched by the same keyed hash lib/privacy/erasure.ts writes.
 * Segment rules are ANDed on top; purchase rules only ever match people whose account has an
 * active `personalisation` grant.
 */

/** The keyed hash of a subscriber's address, as lib/privacy/erasure.ts suppressionHash makes it. */
export function suppressionHashSql(email: SQL): SQL {
  return sql`translate(rtrim(encode(hmac(convert_to('suppression' || chr(10) || lower(trim(${email})), 'UTF8'), convert_to(${authSecret()}::text, 'UTF8'), 'sha256'), 'base64'), '='), '+/', '-_')`;
}

const latestGrant = (subscriberId: SQL, purpose: string) => sql`(
  select e.action = 'granted' from consent_events e
  where e.subscriber_id = ${subscriberId} and e.purpose = ${purpose} and e.action <> 'requested'
  order by e.id desc limit 1)`;

const personalisationGranted = (userId: SQL) => sql`coalesce((
  select e.action = 'granted' from consent_events e
  where e.user_id = ${userId} and e.purpose = 'personalisation' and e.action <> 'requested'
  order by e.id desc limit 1), false)`;

function ruleConditions(rules: SegmentRules): SQL[] {
  const where: SQL[] = [];
  for (const topic of rules.topics) where.push(sql`coalesce(${latestGrant(sql`s.id`, topic)}, false)`);
  if (rules.sources.length) {
    where.push(sql`(select e.source from consent_events e where e.subscriber_id = s.id and e.purpose like 'newsletter:%' order by e.id limit 1) in (${sql.join(
      rules.sources.map((s) => sql`${s}`),
      sql`, `,
    )})`);
  }
  if (rules.signedUpFrom) where.push(sql`coalesce(s.confirmed_at, s.created_at) >= ${rules.signedUpFrom}::date`);
  if (rules.signedUpTo) where.push(sql`coalesce(s.confirmed_at, s.created_at) < ${rules.signedUpTo}::date + 1`);
  if (rules.purchase) {
    const counted = sql`o.user_id = s.user_id and o.status not in ('awaiting_payment', 'cancelled')`;
    where.push(sql`s.user_id is not null and ${personalisationGranted(sql`s.user_id`)}`);
    switch (rules.purchase.kind) {
      case "has-ordered":
        where.push(sql`exists (select 1 from orders o where ${counted})`);
        break;
      case "not-ordered-in-days":
        where.push(sql`exists (select 1 from orders o where ${counted})`);
        where.push(sql`not exists (select 1 from orders o where ${counted} and o.created_at >= now() - make_interval(days => ${rules.purchase.days}))`);
        break;
      case "bought-from-collection":
        where.push(sql`exists (select 1 from orders o
          join order_items i on i.order_id = o.id
          join product_variants v on v.id = i.variant_id
          join collection_products cp on cp.product_id = v.product_id
          where ${counted} and cp.collection_id = ${rules.purchase.collectionId})`);
        break;
    }
  }
  return where;
}

/**
 * The audience as a SELECT of (subscriber_id, email, consent_source, consent_at). An imported
 * grant's date is the one the person gave it on (declared_at), not the import's.
 */
function audienceSelect(topic: string, rules: SegmentRules): SQL {
  const conditions = [
    sql`not exists (select 1 from suppressions x where x.email_hash = ${suppressionHashSql(sql`s.email`)})`,
    ...ruleConditions(rules),
  ];
  return sql`
    select s.id as subscriber_id, s.email, g.source as consent_source, g.created_at as consent_at
    from subscribers s
    join lateral (
      select e.action, e.source, coalesce(e.declared_at, e.created_at) as created_at from consent_events e
      where e.subscriber_id = s.id and e.purpose = ${topic} and e.action <> 'requested'
      order by e.id desc limit 1
    ) g on g.action = 'granted'
    where ${sql.join(conditions, sql` and `)}`;
}

export async function countAudience(topic: string, rules: SegmentRules): Promise<number> {
  const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from (${audienceSelect(topic, rules)}) a`);
  return row?.n ?? 0;
}

/** The first few people in an audience (for tests and the segment preview). */
export async function sampleAudience(topic: string, rules: SegmentRules, limit = 5000): Promise<{ subscriberId: string; email: string }[]> {
  const rows = await getDb().execute<{ subscriber_id: string; email: string }>(sql`select subscriber_id, email from (${audienceSelect(topic, rules)}) a order by email limit ${limit}`);
  return rows.map((r) => ({ subscriberId: r.subscriber_id, email: r.email }));
}

/** Writes one recipient row per person in the audience (the snapshot); returns how many. */
export async function snapshotAudience(tx: Tx, campaignId: string, topic: string, rules: SegmentRules): Promise<number> {
  const rows = await tx.execute<{ n: number }>(sql`
    with inserted as (
      insert into campaign_recipients (campaign_id, subscriber_id, email, consent_source, consent_at)
      select ${campaignId}::uuid, a.subscriber_id, a.email, a.consent_source, a.consent_at
      from (${audienceSelect(topic, rules)}) a
      order by a.subscriber_id
      on conflict (campaign_id, subscriber_id) do nothing
      returning 1)
    select count(*)::int as n from inserted`);
  return rows[0]?.n ?? 0;
}

/**
 * Of the given recipients, the ones who may still be sent `topic` now: the same two rules,
 * checked again just before each batch (and by the email module itself).
 */
export async function stillReachable(subscriberIds: string[], topic: string, executor: Tx | ReturnType<typeof getDb> = getDb()): Promise<Map<string, "ok" | "withdrawn" | "suppressed">> {
  if (subscriberIds.length === 0) return new Map();
  const rows = await executor.execute<{ id: string; granted: boolean | null; suppressed: boolean }>(sql`
    select s.id, ${latestGrant(sql`s.id`, topic)} as granted,
      exists (select 1 from suppressions x where x.email_hash = ${suppressionHashSql(sql`s.email`)}) as suppressed
    from subscribers s where s.id in (${sql.join(
      subscriberIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  const result = new Map<string, "ok" | "withdrawn" | "suppressed">(subscriberIds.map((id) => [id, "withdrawn"]));
  for (const r of rows) result.set(r.id, r.suppressed ? "suppressed" : r.granted ? "ok" : "withdrawn");
  return result;
}
