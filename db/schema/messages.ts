import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { subscribers } from "./privacy";

export const emailCategories = ["transactional", "marketing"] as const;
export const emailStatuses = ["sending", "sent", "failed"] as const;

/**
 * Every email the shop sends, recorded before it is handed to the provider so none is ever
 * untraceable: what, to whom, why, when, and the provider's message id. Personal data: the
 * address (export and erasure are handled by the privacy centre).
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    /** Which template produced it, e.g. "order-confirmation". */
    template: text().notNull(),
    /** Why it was sent, in words the recipient understands ("You placed order H-10042"). */
    reason: text().notNull(),
    category: text({ enum: emailCategories }).notNull(),
    status: text({ enum: emailStatuses }).notNull().default("sending"),
    providerMessageId: text(),
    /** The provider's error name and message when sending failed (never a secret). */
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("email_messages_to_address_idx").on(t.toAddress, t.createdAt),
    // The provider's delivery reports (bounces, complaints) name the message by this id.
    index("email_messages_provider_message_idx").on(t.providerMessageId).where(sql`${t.providerMessageId} is not null`),
  ],
);

/** The shopper's email about a status change staff made ("order-status:shipped"); one per status an order reaches. */
export const orderStatusEmailKinds = [
  "order-status:paid",
  "order-status:fulfilled",
  "order-status:shipped",
  "order-status:delivered",
  "order-status:cancelled",
  "order-status:refunded",
] as const;

export const outboxKinds = ["order-confirmation", ...orderStatusEmailKinds, "newsletter-welcome"] as const;

/**
 * Emails the shop owes, written in the same transaction as what they are about (an order), so
 * a crash between the commit and the send cannot lose one. A sender claims a row with a lease,
 * sends it with an idempotency key of its own, and marks it sent; a row whose lease ran out is
 * claimed again. Holds no address: the email is built from the order (or the subscriber, for a
 * newsletter welcome) when it is sent. The background worker sends them (lib/jobs/worker.ts);
 * the transaction that writes a row also NOTIFYs it, so the email goes within a second or two.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text({ enum: outboxKinds }).notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: "cascade" }),
    subscriberId: uuid().references(() => subscribers.id, { onDelete: "cascade" }),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A sender is working on it until then; after, another may take it over. */
    lockedUntil: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    /** Set when the sender gave up after its last attempt; the merchant sees these. */
    failedAt: timestamp({ withTimezone: true }),
    /** The provider's error name and message of the last failed attempt (never a secret). */
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_outbox_kind_order_key").on(t.kind, t.orderId),
    uniqueIndex("email_outbox_kind_subscriber_key").on(t.kind, t.subscriberId),
    check("email_outbox_subject_check", sql`${t.orderId} is not null or ${t.subscriberId} is not null`),
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);
