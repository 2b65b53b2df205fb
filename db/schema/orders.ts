import { sql } from "drizzle-orm";
import { boolean, char, check, index, integer, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { trackedLinks } from "./analytics";
import { MAX_LINE_QUANTITY } from "../../lib/cart/limits";
import { users } from "./auth";
import { productVariants } from "./catalog";

/** Human-friendly order numbers (H-10042) come from here, never from a count of rows. */
export const orderNumberSequence = pgSequence("order_number_seq", { startWith: 10001 });

/**
 * A cart is identified by a random id kept in an httpOnly cookie; it holds no personal data.
 * Prices are never stored here: they are re-read from the catalogue every time.
 */
export const carts = pgTable("carts", {
  id: uuid().primaryKey().defaultRandom(),
  /** A signed-in shopper's saved cart (one per person), so it follows them across devices. */
  userId: text()
    .unique("carts_user_id_key")
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export { MAX_LINE_QUANTITY };

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    variantId: integer()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    check("cart_items_quantity_check", sql`${t.quantity} between 1 and ${sql.raw(String(MAX_LINE_QUANTITY))}`),
  ],
);

export const discountKinds = ["percent", "fixed"] as const;

export const discountCodes = pgTable(
  "discount_codes",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stored upper-case; shoppers may type it in any case. */
    code: text().notNull(),
    kind: text({ enum: discountKinds }).notNull(),
    /** Percent (1–100) or an amount in minor units. */
    value: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    minSubtotal: integer().notNull().default(0),
    startsAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    /** Null: unlimited. Counted inside the order transaction, so it cannot be over-used. */
    usageLimit: integer(),
    /**
     * Uses of a code with a limit, counted under the row's lock. Unlimited codes are not
     * counted here (that would make every checkout with them wait in line for the row): their
     * uses are the orders carrying the code.
     */
    usedCount: integer().notNull().default(0),
    active: boolean().notNull().default(true),
  },
  (t) => [
    uniqueIndex("discount_codes_code_key").on(t.code),
    check("discount_codes_value_check", sql`${t.value} > 0 and (${t.kind} <> 'percent' or ${t.value} <= 100)`),
    check("discount_codes_usage_check", sql`${t.usageLimit} is null or ${t.usedCount} <= ${t.usageLimit}`),
  ],
);

/**
 * An order's life (lib/orders/transitions.ts says which step may follow which):
 * awaiting_payment → paid → fulfilled (packed) → shipped → delivered, or cancelled (before it
 * ships), or refunded (after it was paid). Rows written before "shipped" existed keep their
 * status: "fulfilled" then meant packed or sent, and no tracking number was ever recorded.
 */
export const orderStatuses = ["awaiting_payment", "paid", "fulfilled", "shipped", "delivered", "cancelled", "refunded"] as const;
export type OrderStatus = (typeof orderStatuses)[number];
const statusList = sql.raw(orderStatuses.map((s) => `'${s}'`).join(", "));

/**
 * Personal data: email, name and address (kept for accounting; replaced by placeholders when
 * a customer erases their account).
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text()
      .notNull()
      .default(sql`'H-' || nextval('order_number_seq')`),
    status: text({ enum: orderStatuses }).notNull().default("awaiting_payment"),
    email: text().notNull(),
    /** The signed-in buyer; null for guests and after the buyer erased their account. */
    userId: text().references(() => users.id, { onDelete: "set null" }),
    shippingName: text().notNull(),
    shippingLine1: text().notNull(),
    shippingLine2: text().notNull().default(""),
    shippingCity: text().notNull(),
    shippingPostalCode: text().notNull(),
    shippingCountry: char({ length: 2 }).notNull(),
    shippingMethod: text().notNull(),
    currency: char({ length: 3 }).notNull(),
    subtotalAmount: integer().notNull(),
    discountAmount: integer().notNull().default(0),
    discountCode: text(),
    shippingAmount: integer().notNull(),
    taxAmount: integer().notNull(),
    totalAmount: integer().notNull(),
    pricesIncludeTax: boolean().notNull(),
    paymentProvider: text().notNull(),
    /** The checkout's unticked newsletter box, kept until the consent ledger records it. */
    newsletterOptIn: boolean().notNull().default(false),
    /** When a member of staff recorded the payment; a cancelled order that has one may be refunded. */
    paidAt: timestamp({ withTimezone: true }),
    /** What was paid back (at most once, at most the total); 0 when nothing was. */
    refundedAmount: integer().notNull().default(0),
    /** One checkout submission, one order: a retry with the same key returns this order. */
    idempotencyKey: text().notNull(),
    /**
     * Where the shopper's visit came from (lib/attribution/landing.ts): the channel (utm_source
     * or the referring site, e.g. instagram), the other UTM parameters, and the tracked link
     * they followed. Null when they came direct or asked not to be tracked.
     */
    attributionChannel: text(),
    attributionMedium: text(),
    attributionCampaign: text(),
    attributionContent: text(),
    trackedLinkId: integer().references(() => trackedLinks.id),
    /** What the submission contained; a reused key with a different cart is refused. */
    requestFingerprint: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_number_key").on(t.number),
    uniqueIndex("orders_idempotency_key_key").on(t.idempotencyKey),
    index("orders_email_idx").on(t.email),
    index("orders_attribution_idx").on(t.createdAt, t.attributionChannel).where(sql`${t.attributionChannel} is not null`),
    index("orders_tracked_link_idx").on(t.trackedLinkId, t.createdAt).where(sql`${t.trackedLinkId} is not null`),
    index("orders_user_id_idx").on(t.userId, t.createdAt),
    // The admin order list (newest first, by status, by total) and the overview's date ranges.
    // Leads with created_at for the order list; carries what the overview sums, so its two
    // periods are read from the index alone (db/queries/admin-reports.ts).
    index("orders_created_at_idx").on(t.createdAt, t.id, t.status, t.currency, t.totalAmount, t.refundedAmount),
    index("orders_status_created_at_idx").on(t.status, t.createdAt, t.id),
    index("orders_total_amount_idx").on(t.totalAmount, t.id),
    // The order list's search: a whole address or its beginning, in any case.
    index("orders_email_search_idx").using("btree", sql`lower(${t.email}) text_pattern_ops`),
    check("orders_amounts_check", sql`${t.subtotalAmount} >= 0 and ${t.discountAmount} >= 0 and ${t.totalAmount} >= 0`),
    check("orders_status_check", sql`${t.status} in (${statusList})`),
    check("orders_refunded_amount_check", sql`${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.totalAmount}`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Kept when the variant is later deleted; the snapshot columns below are the record. */
    variantId: integer().references(() => productVariants.id, { onDelete: "set null" }),
    sku: text().notNull(),
    productTitle: text().notNull(),
    variantTitle: text().notNull(),
    unitPrice: integer().notNull(),
    quantity: integer().notNull(),
    lineTotal: integer().notNull(),
  },
  (t) => [
    index("order_items_order_id_idx").on(t.orderId),
    // "Bought together" (db/queries/recommendations.ts): from a product's variants to the orders
    // that hold them, and a shopper's own purchases, without reading every order line.
    index("order_items_variant_id_idx").on(t.variantId, t.orderId),
    check("order_items_quantity_check", sql`${t.quantity} > 0`),
  ],
);

/** Every status an order passes through, appended, never updated: who did what, and when. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: text({ enum: orderStatuses }).notNull(),
    note: text().notNull().default(""),
    /** The member of staff who made the change; null for the shopper's own steps (placing it). */
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    /** Their name as it was then, so the history still reads after they leave the team. */
    actorLabel: text(),
    /** Shipped: who carries it and the number the shopper tracks it with. */
    carrier: text(),
    trackingNumber: text(),
    /** Refunded: how much (minor units, the order's currency) and why. */
    amount: integer(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("order_events_order_id_idx").on(t.orderId, t.createdAt),
    check("order_events_status_check", sql`${t.status} in (${statusList})`),
    check("order_events_amount_check", sql`${t.amount} is null or ${t.amount} > 0`),
  ],
);
