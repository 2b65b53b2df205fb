import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "../index";
import { stillReachable } from "./audience";
import type { CampaignStatus } from "./campaign-sending";

/*
 * The sending engine's bookkeeping. A batch is formed once (up to 100 queued recipients, with a
 * fixed idempotency key) and leased to one worker; if that worker dies, the lease runs out and
 * another worker sends the SAME recipients with the SAME key, which the provider delivers once.
 * Rows are taken with SKIP LOCKED, so any number of workers can share a campaign.
 */

export const BATCH_SIZE = 100;

export type SendingCampaign = { id: string; status: CampaignStatus; subject: string; preheader: string; body: string; topic: string };
export type BatchRecipient = { id: number; subscriberId: string; email: string; consentSource: string; consentAt: Date };
export type ClaimedBatch = { id: number; campaignId: string; idempotencyKey: string; attempts: number; resumed: boolean; recipients: BatchRecipient[] };

type RecipientRow = { id: number; subscriber_id: string; email: string; consent_source: string; consent_at: Date | string };
const toRecipient = (r: RecipientRow): BatchRecipient => ({ id: Number(r.id), subscriberId: r.subscriber_id, email: r.email, consentSource: r.consent_source, consentAt: new Date(r.consent_at) });

export async function getSendingCampaign(campaignId: string): Promise<SendingCampaign | null> {
  const [row] = await getDb().execute<SendingCampaign>(sql`select id, status, subject, preheader, body, topic from campaigns where id = ${campaignId}`);
  return row ?? null;
}

/** Campaigns with work a worker could do now (sending, with queued recipients or an open batch). */
export async function listCampaignsWithWork(): Promise<string[]> {
  const rows = await getDb().execute<{ id: string }>(sql`
    select c.id from campaigns c where c.status = 'sending' and (
      exists (select 1 from campaign_recipients r where r.campaign_id = c.id and r.status = 'queued')
      or exists (select 1 from campaign_batches b where b.campaign_id = c.id and b.sent_at is null and (b.locked_until is null or b.locked_until < now())))`);
  return rows.map((r) => r.id);
}

/** Scheduled campaigns whose time has come. */
export async function listDueScheduledCampaigns(): Promise<string[]> {
  const rows = await getDb().execute<{ id: string }>(sql`select id from campaigns where status = 'scheduled' and scheduled_at <= now() order by scheduled_at limit 20`);
  return rows.map((r) => r.id);
}

/**
 * The next batch for this worker: first a batch another worker left unfinished (its lease ran
 * out), resent as it was; otherwise a new one from the queue. Recipients who withdrew or were
 * suppressed since the snapshot are marked skipped instead of joining a new batch.
 */
export async function claimBatch(campaignId: string, leaseSeconds: number): Promise<ClaimedBatch | null> {
  return getDb().transaction(async (tx) => {
    const [campaign] = await tx.execute<{ status: CampaignStatus; topic: string }>(sql`select status, topic from campaigns where id = ${campaignId} for share`);
    if (!campaign || campaign.status !== "sending") return null;

    const [stale] = await tx.execute<{ id: number; idempotency_key: string; attempts: number }>(sql`
      select id, idempotency_key, attempts from campaign_batches
      where campaign_id = ${campaignId} and sent_at is null and (locked_until is null or locked_until < now())
      order by id limit 1 for update skip locked`);
    if (stale) {
      const [leased] = await tx.execute<{ attempts: number }>(sql`
        update campaign_batches set attempts = attempts + 1, locked_until = now() + make_interval(secs => ${leaseSeconds})
        where id = ${stale.id} returning attempts`);
      const rows = await tx.execute<RecipientRow>(sql`
        select id, subscriber_id, email, consent_source, consent_at from campaign_recipients
        where batch_id = ${stale.id} and status = 'sending' order by id`);
      return { id: Number(stale.id), campaignId, idempotencyKey: stale.idempotency_key, attempts: leased!.attempts, resumed: true, recipients: rows.map(toRecipient) };
    }

    for (;;) {
      const queued = await tx.execute<RecipientRow>(sql`
        select id, subscriber_id, email, consent_source, consent_at from campaign_recipients
        where campaign_id = ${campaignId} and status = 'queued'
        order by id limit ${BATCH_SIZE} for update skip locked`);
      if (queued.length === 0) return null;
      const verdicts = await stillReachable(
        queued.map((r) => r.subscriber_id),
        campaign.topic,
        tx,
      );
      const skipped = queued.filter((r) => verdicts.get(r.subscriber_id) !== "ok");
      if (skipped.length) {
        await tx.execute(sql`
          update campaign_recipients r set status = 'skipped', skip_reason = v.reason
          from (values ${sql.join(
            skipped.map((r) => sql`(${r.id}::bigint, ${verdicts.get(r.subscriber_id) === "suppressed" ? "suppressed" : "unsubscribed"})`),
            sql`, `,
          )}) as v(id, reason)
          where r.id = v.id`);
      }
      const kept = queued.filter((r) => verdicts.get(r.subscriber_id) === "ok");
      if (kept.length === 0) continue;
      const key = `campaign-${campaignId}-batch-${randomUUID()}`;
      const [batch] = await tx.execute<{ id: number; attempts: number }>(sql`
        insert into campaign_batches (campaign_id, idempotency_key, attempts, locked_until)
        values (${campaignId}, ${key}, 1, now() + make_interval(secs => ${leaseSeconds}))
        returning id, attempts`);
      await tx.execute(sql`
        update campaign_recipients set status = 'sending', batch_id = ${batch!.id}
        where id in (${sql.join(
          kept.map((r) => sql`${r.id}::bigint`),
          sql`, `,
        )})`);
      return { id: Number(batch!.id), campaignId, idempotencyKey: key, attempts: batch!.attempts, resumed: false, recipients: kept.map(toRecipient) };
    }
  });
}

export type RecipientOutcome = { recipientId: number } & ({ status: "sent"; providerMessageId: string | null } | { status: "failed"; error: string } | { status: "skipped"; reason: string });

/**
 * Records what the provider said about a batch and closes it. Only the worker still holding
 * the batch's attempt writes (a slower worker whose lease was taken over writes nothing).
 */
export async function completeBatch(batch: ClaimedBatch, outcomes: RecipientOutcome[]): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const closed = await tx.execute(sql`
      update campaign_batches set sent_at = now(), locked_until = null
      where id = ${batch.id} and attempts = ${batch.attempts} and sent_at is null returning id`);
    if (closed.length === 0) return false;
    if (outcomes.length) {
      await tx.execute(sql`
        update campaign_recipients r set status = v.status, provider_message_id = v.message_id, error = v.error, skip_reason = v.skip_reason,
          sent_at = case when v.status = 'sent' then now() else r.sent_at end
        from (values ${sql.join(
          outcomes.map(
            (o) =>
              sql`(${o.recipientId}::bigint, ${o.status}::text, ${o.status === "sent" ? o.providerMessageId : null}::text, ${o.status === "failed" ? o.error.slice(0, 500) : null}::text, ${o.status === "skipped" ? o.reason : null}::text)`,
          ),
          sql`, `,
        )}) as v(id, status, message_id, error, skip_reason)
        where r.id = v.id and r.batch_id = ${batch.id}`);
    }
    return true;
  });
}

/** Gives the batch back for another try after `delaySeconds` (a transient provider error). */
export async function releaseBatch(batch: ClaimedBatch, delaySeconds: number) {
  await getDb().execute(sql`
    update campaign_batches set locked_until = now() + make_interval(secs => ${delaySeconds})
    where id = ${batch.id} and attempts = ${batch.attempts} and sent_at is null`);
}

/** Keeps the lease while a long wait (a 429's retry-after) runs. */
export async function extendLease(batch: ClaimedBatch, leaseSeconds: number) {
  await getDb().execute(sql`
    update campaign_batches set locked_until = now() + make_interval(secs => ${leaseSeconds})
    where id = ${batch.id} and attempts = ${batch.attempts} and sent_at is null`);
}

/** How many recipients failed permanently; the campaign pauses itself past a limit. */
export async function countFailed(campaignId: string): Promise<number> {
  const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from campaign_recipients where campaign_id = ${campaignId} and status = 'failed'`);
  return row?.n ?? 0;
}

/** Pauses a sending campaign on its own, saying why. */
export async function pauseOnItsOwn(campaignId: string, reason: string) {
  await getDb().execute(sql`update campaigns set status = 'paused', paused_reason = ${reason}, updated_at = now() where id = ${campaignId} and status = 'sending'`);
}

/** Marks a campaign sent once nothing is queued or in flight. */
export async function finishIfDone(campaignId: string): Promise<boolean> {
  const rows = await getDb().execute(sql`
    update campaigns c set status = 'sent', finished_at = now(), updated_at = now()
    where c.id = ${campaignId} and c.status = 'sending'
      and not exists (select 1 from campaign_recipients r where r.campaign_id = c.id and r.status in ('queued', 'sending'))
    returning c.id`);
  return rows.length > 0;
}

/**
 * The provider's rate, shared by all workers: takes the next free slot (1/rate seconds apart)
 * and returns how many milliseconds to wait for it.
 */
export async function takeSendSlot(name: string, perSecond: number): Promise<number> {
  const step = 1 / perSecond;
  const [row] = await getDb().execute<{ wait_ms: number }>(sql`
    with upsert as (
      insert into send_rate_slots (name, next_at) values (${name}, clock_timestamp() + make_interval(secs => ${step}))
      on conflict (name) do update set next_at = greatest(send_rate_slots.next_at, clock_timestamp()) + make_interval(secs => ${step})
      returning next_at)
    select greatest(0, extract(epoch from ((select next_at from upsert) - make_interval(secs => ${step}) - clock_timestamp())) * 1000)::float8 as wait_ms`);
  return Math.max(0, Number(row?.wait_ms ?? 0));
}

/** Marks some recipients of a batch that stays open as skipped (they said no since it was formed). */
export async function skipInOpenBatch(batch: ClaimedBatch, recipientIds: number[]) {
  if (recipientIds.length === 0) return;
  await getDb().execute(sql`
    update campaign_recipients set status = 'skipped', skip_reason = 'unsubscribed'
    where batch_id = ${batch.id} and status = 'sending' and id in (${sql.join(
      recipientIds.map((id) => sql`${id}::bigint`),
      sql`, `,
    )})`);
}
