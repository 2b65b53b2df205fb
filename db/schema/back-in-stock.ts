import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { productVariants } from "./catalog";

export const backInStockStatuses = ["requested", "active", "notified", "cancelled"] as const;

/**
 * "Email me when it's back": a one-purpose consent for one email about one sold-out variant,
 * never a newsletter subscription. A guest's request waits (requested) until the emailed link
 * is confirmed; a signed-in shopper's own address is active at once. When the variant's stock
 * goes from 0 to more, a trigger (migration 0020) sets due_at in the stock change's own
 * transaction; lib/back-in-stock/deliver.ts sends the one email and ends the request
 * (notified), forgetting the address (email, user and client hash are cleared then).
 * Personal data: email, user_id, client_hash and the dates.
 */
export const backInStockRequests = pgTable(
  "back_in_stock_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    variantId: integer()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    /** Lower-case; null once the request has ended (notified or cancelled): we forget it. */
    email: text(),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    /** The guest's emailed confirmation token, stored only as a SHA-256 hash. */
    tokenHash: text(),
    tokenExpiresAt: timestamp({ withTimezone: true }),
    status: text({ enum: backInStockStatuses }).notNull(),
    /** The versioned id of the words shown beside the form (lib/back-in-stock/wording.ts). */
    wordingId: text().notNull(),
    /** Keyed hash of the client address, like the consent ledger's; never the raw IP. */
    clientHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp({ withTimezone: true }),
    /** Set when the variant came back (in the stock change's transaction): the email is owed. */
    dueAt: timestamp({ withTimezone: true }),
    /** A sender's lease on the request while it sends; a crashed sender's lease runs out. */
    lockedUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One live request per variant and address: asking twice changes nothing.
    uniqueIndex("back_in_stock_requests_live_key").on(t.variantId, t.email).where(sql`${t.status} in ('requested', 'active')`),
    uniqueIndex("back_in_stock_requests_token_key").on(t.tokenHash),
    index("back_in_stock_requests_due_idx").on(t.dueAt).where(sql`${t.status} = 'active' and ${t.dueAt} is not null`),
    index("back_in_stock_requests_variant_idx").on(t.variantId).where(sql`${t.status} = 'active'`),
    index("back_in_stock_requests_email_idx").on(t.email),
    index("back_in_stock_requests_user_idx").on(t.userId),
    check("back_in_stock_requests_email_check", sql`${t.status} not in ('requested', 'active') or (${t.email} is not null and ${t.email} = lower(${t.email}))`),
  ],
);
