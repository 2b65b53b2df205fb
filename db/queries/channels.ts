import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/*
 * The Channels page (app/admin/marketing/channels): for a range of days in the shop's time
 * zone, what each source of visits brought. Visits are counted entrances (page_views, written
 * without cookies); signups are confirmed newsletter signups (the consent ledger's double
 * opt-in grants, whose source names the channel as utm:<channel>); orders and revenue come from
 * the attribution stored on each order. Cancelled orders are left out, refunds subtracted.
 * "" is the channel of visits, signups and orders that came direct (or asked not to be tracked).
 */

export type ChannelRange = { from: string; to: string; timeZone: string; /** Revenue is summed in the shop's currency only. */ currency: string };
export type ChannelRow = { channel: string; visits: number; signups: number; orders: number; revenue: number };
export type LinkRow = { id: number; slug: string; label: string; channel: string; campaign: string; archived: boolean } & Omit<ChannelRow, "channel">;
export type ChannelDay = { day: string; channel: string; visits: number };

function bounds(range: ChannelRange) {
  return sql`(select ${range.from}::date::timestamp at time zone ${range.timeZone} as start, (${range.to}::date + 1)::timestamp at time zone ${range.timeZone} as stop)`;
}

export async function getChannelReport(range: ChannelRange): Promise<ChannelRow[]> {
  const rows = await getDb().execute<{ channel: string; visits: number; signups: number; orders: number; revenue: number }>(sql`
    with b as ${bounds(range)},
    visits as (
      select coalesce(channel, '') as channel, count(*)::int as visits
      from page_views, b where entrance and at >= b.start and at < b.stop group by 1
    ),
    signups as (
      select case when source like 'utm:%' then substr(source, 5) else '' end as channel, count(distinct subscriber_id)::int as signups
      from consent_events, b
      where purpose like 'newsletter:%' and action = 'granted' and method = 'double_opt_in' and created_at >= b.start and created_at < b.stop
      group by 1
    ),
    sales as (
      select coalesce(attribution_channel, '') as channel, count(*)::int as orders, coalesce(sum(total_amount - refunded_amount), 0)::bigint as revenue
      from orders, b where status <> 'cancelled' and currency = ${range.currency} and created_at >= b.start and created_at < b.stop group by 1
    )
    select channel, coalesce(visits, 0) as visits, coalesce(signups, 0) as signups, coalesce(orders, 0) as orders, coalesce(revenue, 0)::float8 as revenue
    from visits full join signups using (channel) full join sales using (channel)
    order by coalesce(visits, 0) desc, coalesce(revenue, 0) desc, channel`);
  return rows.map((r) => ({ channel: r.channel, visits: Number(r.visits), signups: Number(r.signups), orders: Number(r.orders), revenue: Number(r.revenue) }));
}

/** Every tracked link that is live or brought something in the range: clicks stand for its visits. */
export async function getLinkReport(range: ChannelRange): Promise<LinkRow[]> {
  const rows = await getDb().execute<{ id: number; slug: string; label: string; channel: string; campaign: string; archived: boolean; visits: number; signups: number; orders: number; revenue: number }>(sql`
    with b as ${bounds(range)}
    select l.id, l.slug, l.label, l.utm_source as channel, l.utm_campaign as campaign, l.archived_at is not null as archived,
      c.visits, s.signups, o.orders, o.revenue::float8 as revenue
    from tracked_links l
    cross join b
    cross join lateral (select count(*)::int as visits from link_clicks where link_id = l.id and at >= b.start and at < b.stop) c
    cross join lateral (
      select count(distinct subscriber_id)::int as signups from consent_events
      where tracked_link_id = l.id and action = 'granted' and method = 'double_opt_in' and created_at >= b.start and created_at < b.stop
    ) s
    cross join lateral (
      select count(*)::int as orders, coalesce(sum(total_amount - refunded_amount), 0)::bigint as revenue from orders
      where tracked_link_id = l.id and status <> 'cancelled' and currency = ${range.currency} and created_at >= b.start and created_at < b.stop
    ) o
    where l.archived_at is null or c.visits + s.signups + o.orders > 0
    order by c.visits desc, o.revenue desc, l.slug`);
  return rows.map((r) => ({ ...r, visits: Number(r.visits), signups: Number(r.signups), orders: Number(r.orders), revenue: Number(r.revenue) }));
}

/** Visits per day and channel, for the chart. */
export async function getVisitsByDay(range: ChannelRange): Promise<ChannelDay[]> {
  const rows = await getDb().execute<{ day: string; channel: string; visits: number }>(sql`
    with b as ${bounds(range)}
    select to_char((at at time zone ${range.timeZone})::date, 'YYYY-MM-DD') as day, coalesce(channel, '') as channel, count(*)::int as visits
    from page_views, b where entrance and at >= b.start and at < b.stop
    group by 1, 2`);
  return rows.map((r) => ({ day: r.day, channel: r.channel, visits: Number(r.visits) }));
}
