import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
  (t) => [index("email_messages_to_address_idx").on(t.toAddress, t.createdAt)],
);
