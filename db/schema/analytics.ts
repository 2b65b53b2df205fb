import { sql } from "drizzle-orm";
import { bigint, boolean, char, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const deviceClasses = ["phone", "tablet", "desktop"] as const;
export type DeviceClass = (typeof deviceClasses)[number];

/**
 * One random salt per UTC day for the cookieless visitor hash (lib/analytics/visitor.ts). The
 * retention job deletes a salt 48 hours after its day began: without it nobody, the shop
 * included, can recompute a hash, so a visit cannot be linked to the visitor's other days.
 */
export const analyticsSalts = pgTable("analytics_salts", {
  day: date({ mode: "string" }).primaryKey(),
  /** 32 random bytes, base64url. */
  salt: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A page view, counted without cookies. What is kept is the list and nothing more: the
 * path, the referring host, the UTM parameters, a device class and a country only when a
 * trusted proxy said so. `visitor_hash` is the day's hash of salt, site, client address and
 * user agent (never the address itself); `entrance` marks the first view of a visit (no view
 * from the same hash in the 30 minutes before), and `channel` is where that visit came from
 * (utm_source, or the referring site's channel name; null when the visit came direct).
 */
export const pageViews = pgTable(
  "page_views",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    visitorHash: text().notNull(),
    path: text().notNull(),
    referrerHost: text(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    utmContent: text(),
    deviceClass: text({ enum: deviceClasses }).notNull(),
    country: char({ length: 2 }),
    entrance: boolean().notNull(),
    channel: text(),
  },
  (t) => [
    index("page_views_at_idx").on(t.at),
    index("page_views_visitor_idx").on(t.visitorHash, t.at),
    // The Channels page: visits (entrances) per channel over a range.
    index("page_views_entrance_idx").on(t.at, t.channel).where(sql`${t.entrance}`),
  ],
);

/**
 * A short link for a social post: /go/<slug> counts the click and forwards to `destination` (a
 * path on the shop) with the UTM parameters. Links are archived, never deleted: orders and
 * consent events point at the link that brought them.
 */
export const trackedLinks = pgTable(
  "tracked_links",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    /** A path on the shop, starting with "/" (never another site: no open redirect). */
    destination: text().notNull(),
    utmSource: text().notNull(),
    utmMedium: text().notNull(),
    utmCampaign: text().notNull(),
    utmContent: text(),
    /** The marketer's own note ("Reel of the oak candle, 3 Nov"). */
    label: text().notNull().default(""),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("tracked_links_slug_key").on(t.slug),
    check("tracked_links_slug_check", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check("tracked_links_destination_check", sql`${t.destination} like '/%' and ${t.destination} not like '//%'`),
  ],
);

/**
 * One counted click on a tracked link: bots, visitors who ask not to be tracked and a repeat
 * from the same visitor hash within an hour are not counted. Holds the same few facts as a
 * page view.
 */
export const linkClicks = pgTable(
  "link_clicks",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    linkId: integer()
      .notNull()
      .references(() => trackedLinks.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    visitorHash: text().notNull(),
    referrerHost: text(),
    deviceClass: text({ enum: deviceClasses }).notNull(),
    country: char({ length: 2 }),
  },
  (t) => [index("link_clicks_link_idx").on(t.linkId, t.at), index("link_clicks_visitor_idx").on(t.visitorHash, t.linkId, t.at), index("link_clicks_at_idx").on(t.at)],
);
