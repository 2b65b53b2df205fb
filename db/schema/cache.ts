import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * When each cache tag last went stale or expired, on any app server (lib/cache/shared-tags.mjs).
 * Every app server keeps its cache in its own memory; a change on one of them is written here
 * and announced with NOTIFY, so the others expire the same tags within milliseconds, and a
 * server that starts (or reconnects) reads this table once. Holds no personal data.
 */
export const cacheTags = pgTable(
  "cache_tags",
  {
    tag: text().primaryKey(),
    /** Entries made before this are served once more while a fresh one renders (revalidateTag with a profile). */
    staleAt: timestamp({ withTimezone: true }),
    /** Entries made before this are not served at all (updateTag, or a profile's expire passing). */
    expiredAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cache_tags_updated_at_idx").on(t.updatedAt)],
);
