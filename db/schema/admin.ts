import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every admin action: who, what, which record, when, and a before/after summary. Written in the
 * same transaction as the change (adminAction in lib/actions.ts), and append-only like the
 * consent ledger (a trigger refuses updates and deletes; db/migrations/0009).
 *
 * The actor is a snapshot (id, email and role at the time), not a foreign key: removing a staff
 * member must not rewrite what they did. Summaries name records by id or number and never copy
 * a shopper's personal data, so an erased customer's details do not live on here.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: text().notNull(),
    actorEmail: text().notNull(),
    actorRole: text().notNull(),
    /** What was done, e.g. "product.update", "order.ship", "staff.role_change". */
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    /** One line a merchant reads in the log, e.g. "Marked H-10042 shipped (Royal Mail, AB123)". */
    summary: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
    index("audit_log_action_idx").on(t.action, t.createdAt),
  ],
);
