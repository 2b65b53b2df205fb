import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { DeviceClass } from "@/db/schema/analytics";

/** Today's salt (UTC day), created on first use by whichever process needs it first. */
export async function saltForDay(day: string): Promise<string> {
  const db = getDb();
  const fresh = randomBytes(32).toString("base64url");
  const rows = await db.execute<{ salt: string }>(sql`
    with inserted as (
      insert into analytics_salts (day, salt) values (${day}::date, ${fresh}) on conflict (day) do nothing returning salt
    )
    select salt from inserted union all select salt from analytics_salts where day = ${day}::date limit 1`);
  const salt = rows[0]?.salt;
  if (!salt) throw new Error("No analytics salt could be read or written.");
  return salt;
}

export type PageViewRow = {
  at: Date;
  visitorHash: string;
  path: string;
  referrerHost: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  deviceClass: DeviceClass;
  country: string | null;
  /** The visit's channel if this view starts a visit (utm_source or the referring site's channel). */
  channel: string | null;
};

/** A visit ends after this long without a view from the same visitor hash. */
export const VISIT_GAP_MINUTES = 30;

/**
 * Writes a batch of page views in one statement. A view is an entrance (starts a visit) when its
 * visitor hash has no earlier view within VISIT_GAP_MINUTES, in the table or earlier in the same
 * batch, or when it arrives from a source other than the current visit's.
 * Two app servers flushing the same visitor's views at the same moment may both see no
 * earlier view: that counts one visit twice at worst, which is noise for counts like these.
 */
export async function insertPageViews(rows: PageViewRow[]) {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  const db = getDb();
  const hashes = [...new Set(sorted.map((r) => r.visitorHash))];
  const earliest = new Date(sorted[0]!.at.getTime() - VISIT_GAP_MINUTES * 60_000);
  const seen = await db.execute<{ visitor_hash: string; last: Date; channel: string | null }>(sql`
    select visitor_hash, max(at) as last, (array_agg(channel order by at desc) filter (where entrance))[1] as channel from page_views
    where visitor_hash in (${sql.join(
      hashes.map((h) => sql`${h}`),
      sql`, `,
    )}) and at >= ${earliest.toISOString()}::timestamptz
    group by visitor_hash`);
  const lastSeen = new Map(seen.map((r) => [r.visitor_hash, new Date(r.last).getTime()]));
  const visitChannel = new Map(seen.map((r) => [r.visitor_hash, r.channel]));
  const gap = VISIT_GAP_MINUTES * 60_000;
  const values = sorted.map((row) => {
    const previous = lastSeen.get(row.visitorHash);
    // A new visit after a pause, or when the visitor arrives again from somewhere else (a
    // different post or site) even within the pause: the visit that follows is that source's.
    const entrance = previous === undefined || row.at.getTime() - previous > gap || (row.channel !== null && row.channel !== visitChannel.get(row.visitorHash));
    lastSeen.set(row.visitorHash, Math.max(previous ?? 0, row.at.getTime()));
    if (entrance) visitChannel.set(row.visitorHash, row.channel);
    return sql`(${row.at.toISOString()}::timestamptz, ${row.visitorHash}, ${row.path}, ${row.referrerHost}, ${row.utmSource}, ${row.utmMedium}, ${row.utmCampaign}, ${row.utmContent}, ${row.deviceClass}, ${row.country}, ${entrance}, ${entrance ? row.channel : null})`;
  });
  await db.execute(sql`
    insert into page_views (at, visitor_hash, path, referrer_host, utm_source, utm_medium, utm_campaign, utm_content, device_class, country, entrance, channel)
    values ${sql.join(values, sql`, `)}`);
}

export type LinkClickRow = { at: Date; linkId: number; visitorHash: string; referrerHost: string | null; deviceClass: DeviceClass; country: string | null };

/** A repeat click from the same visitor on the same link within this long is counted once. */
export const REPEAT_CLICK_MINUTES = 60;

/**
 * Writes a batch of clicks, leaving out each one that comes within REPEAT_CLICK_MINUTES of the
 * same visitor's last counted click on the same link (in the table or earlier in the batch),
 * and any for a link that does not exist.
 */
export async function insertLinkClicks(rows: LinkClickRow[]) {
  if (rows.length === 0) return;
  const db = getDb();
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  const window = REPEAT_CLICK_MINUTES * 60_000;
  const key = (linkId: number, hash: string) => `${linkId}\u0000${hash}`;
  const earliest = new Date(sorted[0]!.at.getTime() - window);
  const previous = await db.execute<{ link_id: number; visitor_hash: string; last: Date }>(sql`
    select link_id, visitor_hash, max(at) as last from link_clicks
    where visitor_hash in (${sql.join(
      [...new Set(sorted.map((r) => r.visitorHash))].map((h) => sql`${h}`),
      sql`, `,
    )}) and at >= ${earliest.toISOString()}::timestamptz
    group by 1, 2`);
  const lastCounted = new Map(previous.map((r) => [key(r.link_id, r.visitor_hash), new Date(r.last).getTime()]));
  const kept = sorted.filter((row) => {
    const last = lastCounted.get(key(row.linkId, row.visitorHash));
    if (last !== undefined && row.at.getTime() - last < window) return false;
    lastCounted.set(key(row.linkId, row.visitorHash), row.at.getTime());
    return true;
  });
  if (kept.length === 0) return;
  const values = kept.map(
    (row) => sql`(${row.at.toISOString()}::timestamptz, ${row.linkId}::int, ${row.visitorHash}, ${row.referrerHost}, ${row.deviceClass}, ${row.country})`,
  );
  await db.execute(sql`
    insert into link_clicks (at, link_id, visitor_hash, referrer_host, device_class, country)
    select v.at, v.link_id, v.visitor_hash, v.referrer_host, v.device_class, v.country
    from (values ${sql.join(values, sql`, `)}) as v (at, link_id, visitor_hash, referrer_host, device_class, country)
    where exists (select 1 from tracked_links l where l.id = v.link_id)`);
}
