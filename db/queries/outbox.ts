import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../index";
import type { outboxKinds } from "../schema";

export type OutboxKind = (typeof outboxKinds)[number];
export type ClaimedOutboxEmail = { id: string; kind: OutboxKind; orderId: string | null; subscriberId: string | null; attempts: number };

/** The worker LISTENs here; a transaction that owes an email NOTIFYs (delivered on commit). */
export const OUTBOX_CHANNEL = "hearth_outbox";

type Executor = Pick<ReturnType<typeof getDb>, "execute">;

/** Wakes the worker once the caller's transaction commits. */
export async function notifyOutbox(tx: Executor) {
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

/** The welcome after a confirmed newsletter signup: once per subscriber, sent by the worker. */
export async function enqueueWelcomeEmail(tx: Executor, subscriberId: string) {
  await tx.execute(sql`insert into email_outbox (kind, subscriber_id) values ('newsletter-welcome', ${subscriberId}) on conflict do nothing`);
  await notifyOutbox(tx);
}

/** How long a sender may take before another sender takes the email over. */
const LEASE_SECONDS = 120;

type Row = { id: string; kind: OutboxKind; order_id: string | null; subscriber_id: string | null; attempts: number };
const toClaimed = (r: Row): ClaimedOutboxEmail => ({ id: r.id, kind: r.kind, orderId: r.order_id, subscriberId: r.subscriber_id, attempts: r.attempts });

/**
 * Takes up to `limit` due emails for this sender: not sent, not given up, due, and not leased
 * to another sender. SKIP LOCKED lets several senders (app servers) share the table without
 * taking the same email.
 */
export async function claimDueOutboxEmails(limit: number, forOrderId?: string): Promise<ClaimedOutboxEmail[]> {
  const rows = await getDb().execute<Row>(sql`
    update email_outbox set attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where id in (
      select id from email_outbox
      where sent_at is null and failed_at is null and next_attempt_at <= now()
        and (locked_until is null or locked_until < now())
        ${forOrderId ? sql`and order_id = ${forOrderId}` : sql``}
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id, kind, order_id, subscriber_id, attempts`);
  return rows.map(toClaimed);
}

/*
 * The sender's claim is its attempt number: a sender too slow for its lease, whose email another
 * sender has claimed again since, finds the number changed and records nothing over the other's.
 */
const stillMine = (email: ClaimedOutboxEmail) => sql`id = ${email.id} and attempts = ${email.attempts} and sent_at is null and failed_at is null`;

export async function markOutboxEmailSent(email: ClaimedOutboxEmail) {
  await getDb().execute(sql`update email_outbox set sent_at = now(), locked_until = null, last_error = null where ${stillMine(email)}`);
}

/** A failed attempt: try again at `retryAt`, or give up (null) and keep the error for the merchant. */
export async function markOutboxEmailFailed(email: ClaimedOutboxEmail, error: string, retryAt: Date | null) {
  const next = retryAt ? sql`next_attempt_at = ${retryAt.toISOString()}::timestamptz` : sql`failed_at = now()`;
  await getDb().execute(sql`update email_outbox set locked_until = null, last_error = ${error.slice(0, 500)}, ${next} where ${stillMine(email)}`);
}
