import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const productStatuses = ["draft", "published", "archived"] as const;

export const products = pgTable(
  "products",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    title: text().notNull(),
    /** One line shown under the title on cards. */
    summary: text().notNull().default(""),
    description: text().notNull().default(""),
    materials: text().notNull().default(""),
    care: text().notNull().default(""),
    /** Ordered option names, e.g. ["Colour", "Size"]; each variant has a value for each. */
    optionNames: jsonb().$type<string[]>().notNull().default([]),
    /** Extra search words, space separated (e.g. "sweater jumper hoodie"). */
    keywords: text().notNull().default(""),
    status: text({ enum: productStatuses }).notNull().default("draft"),
    /** Lower numbers come first when sorting by "featured"; null means not featured. */
    featuredRank: integer(),
    /**
     * A consumable's re-buy interval in days (candles, coffee): a past buyer is suggested it
     * again ("Running low?") once this long has passed since they last bought it. Null: not a
     * consumable, so a buyer is never shown it again.
     */
    rebuyAfterDays: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Title and keywords, once used for trigram matching. Search no longer reads it (typo
     * tolerance uses the search_words vocabulary, db/migrations/0007); a later migration can drop it.
     */
    searchText: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(title || ' ' || keywords)`),
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', keywords), 'B') || setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(materials, '')), 'C') || setweight(to_tsvector('english', coalesce(description, '')), 'D')`,
      ),
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    index("products_search_vector_idx").using("gin", t.searchVector),
    index("products_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    index("products_status_idx").on(t.status),
    check("products_rebuy_after_days_check", sql`${t.rebuyAfterDays} is null or ${t.rebuyAfterDays} between 1 and 365`),
  ],
);

// search_words, the vocabulary of published products for typo-tolerant search, lives only in
// db/migrations/0007_search_words_lexicon.sql: a trigger on products fills it, and drizzle-kit
// can express neither the trigger nor the function its generated column calls.

export const productVariants = pgTable(
  "product_variants",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text().notNull(),
    /** Option values keyed by option name, e.g. { "Colour": "Sand", "Size": "M" }. */
    options: jsonb().$type<Record<string, string>>().notNull().default({}),
    priceAmount: integer().notNull(),
    /** Shown struck through when higher than the price. */
    compareAtAmount: integer(),
    currency: char({ length: 3 }).notNull(),
    stock: integer().notNull().default(0),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("product_variants_sku_key").on(t.sku),
    index("product_variants_product_id_idx").on(t.productId),
    index("product_variants_options_idx").using("gin", t.options),
    check("product_variants_stock_check", sql`${t.stock} >= 0`),
    check("product_variants_price_check", sql`${t.priceAmount} >= 0`),
  ],
);

export const productImages = pgTable(
  "product_images",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Path under the site's origin, e.g. /images/generated/linen-shirt-1.webp */
    src: text().notNull(),
    alt: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index("product_images_product_id_idx").on(t.productId, t.position)],
);

export const collections = pgTable(
  "collections",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    position: integer().notNull().default(0),
    published: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex("collections_slug_key").on(t.slug)],
);

export const collectionProducts = pgTable(
  "collection_products",
  {
    collectionId: integer()
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index("collection_products_product_id_idx").on(t.productId),
  ],
);
