import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "../index";

/*
 * Campaign figures without surveillance: clicks are counted per campaign and link, never per
 * person; an unsubscribe is counted against the campaign whose email carried the link.
 */

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export async function markCampaignUnsubscribe(campaignId: string, subscriberId: string) {
  if (!isUuid(campaignId) || !isUuid(subscriberId)) return;
  await getDb().execute(sql`
    update campaign_recipients set unsubscribed_at = now()
    where campaign_id = ${campaignId} and subscriber_id = ${subscriberId} and unsubscribed_at is null`);
}

/** One more click on a link of a campaign (no person recorded). False when the campaign is gone. */
export async function countCampaignClick(campaignId: string, url: string): Promise<boolean> {
  if (!isUuid(campaignId)) return false;
  const rows = await getDb().execute(sql`
    insert into campaign_link_clicks (campaign_id, url, clicks)
    select id, ${url}, 1 from campaigns where id = ${campaignId}
    on conflict (campaign_id, url) do update set clicks = campaign_link_clicks.clicks + 1
    returning clicks`);
  return rows.length > 0;
}

/**
 * The reader's first click, recorded only for a link signed for them (sent while individual
 * tracking was on) and only while the shop still has it on.
 */
export async function recordRecipientClick(campaignId: string, recipientId: number) {
  if (!isUuid(campaignId)) return;
  await getDb().execute(sql`
    update campaign_recipients set clicked_at = now()
    where id = ${recipientId} and campaign_id = ${campaignId} and clicked_at is null
      and exists (select 1 from shop_settings where individual_click_tracking)`);
}

export type CampaignStats = {
  recipients: number;
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
  unsubscribes: number;
  clicks: number;
  /** Readers recorded as having clicked (only with individual click tracking on). */
  clickers: number;
  links: { url: string; clicks: number }[];
};

export async function getCampaignStats(campaignId: string): Promise<CampaignStats | null> {
  if (!isUuid(campaignId)) return null;
  const [row] = await getDb().execute<Omit<CampaignStats, "links" | "clicks">>(sql`
    select count(*)::int as recipients,
      count(*) filter (where status = 'sent')::int as sent,
      count(delivered_at)::int as delivered,
      count(bounced_at)::int as bounced,
      count(complained_at)::int as complaints,
      count(unsubscribed_at)::int as unsubscribes,
      count(clicked_at)::int as clickers
    from campaign_recipients where campaign_id = ${campaignId}`);
  const links = await getDb().execute<{ url: string; clicks: number }>(sql`
    select url, clicks from campaign_link_clicks where campaign_id = ${campaignId} order by clicks desc, url limit 50`);
  if (!row) return null;
  return { ...row, clicks: links.reduce((n, l) => n + l.clicks, 0), links: [...links] };
}

export type ListGrowthWeek = { week: string; source: string; signups: number; unsubscribes: number };

/**
 * New confirmed subscribers per week (Monday to Sunday in the shop's time zone) and signup
 * source, and unsubscribes per week, over the last `weeks` weeks (from the consent ledger: each
 * subscriber's first grant of a newsletter topic; people who withdrew a topic, once a week each).
 */
export async function getListGrowth(weeks: number, timeZone: string): Promise<ListGrowthWeek[]> {
  const local = (column: SQL) => sql`date_trunc('week', ${column} at time zone ${timeZone})`;
  const since = sql`date_trunc('week', now() at time zone ${timeZone}) - make_interval(weeks => ${weeks - 1})`;
  const rows = await getDb().execute<{ week: string; source: string; signups: number; unsubscribes: number }>(sql`
    with firsts as (
      select distinct on (subscriber_id) subscriber_id, source, created_at from consent_events
      where subscriber_id is not null and purpose like 'newsletter:%' and action = 'granted'
      order by subscriber_id, id),
    lefts as (
      select distinct on (subscriber_id, week) subscriber_id, week from (
        select subscriber_id, id, ${local(sql`created_at`)} as week from consent_events
        where subscriber_id is not null and purpose like 'newsletter:%' and action = 'withdrawn'
          and created_at at time zone ${timeZone} >= ${since}) w
      order by subscriber_id, week, id)
    select to_char(week, 'YYYY-MM-DD') as week, source, sum(signups)::int as signups, sum(unsubscribes)::int as unsubscribes from (
      select ${local(sql`created_at`)} as week, source, count(*) as signups, 0 as unsubscribes from firsts
      where created_at at time zone ${timeZone} >= ${since}
      group by 1, 2
      union all
      select week, '(unsubscribed)', 0, count(*) from lefts group by 1
    ) x group by week, source order by week, source`);
  return [...rows];
}

export type CampaignUnsubscribeRate = { id: string; subject: string; finishedAt: Date | null; startedAt: Date | null; sent: number; unsubscribes: number };

/** Recent campaigns that sent anything, with how many of their readers left through their links. */
export async function listCampaignUnsubscribeRates(limit = 12): Promise<CampaignUnsubscribeRate[]> {
  const rows = await getDb().execute<{ id: string; subject: string; finished_at: Date | null; started_at: Date | null; sent: number; unsubscribes: number }>(sql`
    select c.id, c.subject, c.finished_at, c.started_at,
      count(r.id) filter (where r.status = 'sent')::int as sent,
      count(r.unsubscribed_at)::int as unsubscribes
    from campaigns c join campaign_recipients r on r.campaign_id = c.id
    where c.started_at is not null
    group by c.id
    having count(r.id) filter (where r.status = 'sent') > 0
    order by c.started_at desc limit ${limit}`);
  return rows.map((r) => ({ id: r.id, subject: r.subject, finishedAt: r.finished_at ? new Date(r.finished_at) : null, startedAt: r.started_at ? new Date(r.started_at) : null, sent: r.sent, unsubscribes: r.unsubscribes }));
}
