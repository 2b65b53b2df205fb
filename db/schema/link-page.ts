import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { collections, products } from "./catalog";

export const linkKinds = ["product", "collection", "newsletter", "url"] as const;
export type LinkKind = (typeof linkKinds)[number];

/**
 * The featured links on /links (the shop's own link-in-bio page), in the merchant's order. A
 * product or collection link names its record, so the page always shows its current title and
 * the link goes when the record is deleted; a custom link holds its URL. Positions are
 * renumbered 0…n-1 in one transaction under a lock (db/queries/link-page.ts) on every change.
 */
export const linkPageLinks = pgTable(
  "link_page_links",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    position: integer().notNull(),
    kind: text({ enum: linkKinds }).notNull(),
    productId: integer().references(() => products.id, { onDelete: "cascade" }),
    collectionId: integer().references(() => collections.id, { onDelete: "cascade" }),
    /** Only for kind "url": an http(s) URL or a path on the shop ("/privacy"). */
    url: text(),
    /** Empty: a product or collection link shows the record's title. */
    label: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("link_page_links_position_idx").on(t.position),
    index("link_page_links_product_id_idx").on(t.productId),
    index("link_page_links_collection_id_idx").on(t.collectionId),
    check(
      "link_page_links_kind_target",
      sql`(${t.kind} = 'product' and ${t.productId} is not null and ${t.collectionId} is null and ${t.url} is null)
        or (${t.kind} = 'collection' and ${t.collectionId} is not null and ${t.productId} is null and ${t.url} is null)
        or (${t.kind} = 'newsletter' and ${t.productId} is null and ${t.collectionId} is null and ${t.url} is null)
        or (${t.kind} = 'url' and ${t.url} is not null and ${t.productId} is null and ${t.collectionId} is null)`,
    ),
    check("link_page_links_label_length", sql`char_length(${t.label}) <= 80`),
  ],
);

/** The page's own words (one row, id = 1, written on the first save; absent means the default intro). */
export const linkPageSettings = pgTable(
  "link_page_settings",
  {
    id: smallint().primaryKey().default(1),
    intro: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("link_page_settings_single_row", sql`${t.id} = 1`), check("link_page_settings_intro_length", sql`char_length(${t.intro}) <= 300`)],
);
