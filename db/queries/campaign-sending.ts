import "server-only";
import { sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { parseStoredRules, emptyRules } from "@/lib/marketing/segment-rules";
import { getDb, type Tx } from "../index";
import { campaignStatuses } from "../schema";
import { snapshotAudience } from "./audience";

export type CampaignStatus = (typeof campaignStatuses)[number];

/** Wakes the workers after the transaction commits (NOTIFY is transactional). */
export const CAMPAIGN_CHANNEL = "hearth_campaigns";

type LockedCampaign = { id: string; status: CampaignStatus; topic: string; segment_rules: unknown | null; scheduled_at: Date | null };

async function lockCampaign(tx: Tx, campaignId: string): Promise<LockedCampaign> {
  if (!/^[0-9a-f-]{36}$/i.test(campaignId)) throw new AppError("not_found", "That campaign does not exist.");
  const [row] = await tx.execute<LockedCampaign>(sql`
    select c.id, c.status, c.topic, s.rules as segment_rules, c.scheduled_at
    from campaigns c left join segments s on s.id = c.segment_id
    where c.id = ${campaignId} for update of c`);
  if (!row) throw new AppError("not_found", "That campaign does not exist.");
  return row;
}

function refuse(from: CampaignStatus, doing: string): never {
  throw new AppError("conflict", `This campaign is ${from === "sent" ? "already sent" : from}, so it cannot ${doing}. Reload to see where it stands.`);
}

const wake = (tx: Tx, campaignId: string) => tx.execute(sql`select pg_notify(${CAMPAIGN_CHANNEL}, ${campaignId})`);

/**
 * Starts sending: one recipient row per person in the audience, written in this transaction,
 * then the campaign is `sending` and the workers are woken when it commits. From here on its
 * content is frozen (trigger in migration 0018).
 */
export async function beginSending(tx: Tx, campaignId: string): Promise<{ recipients: number }> {
  const campaign = await lockCampaign(tx, campaignId);
  if (campaign.status !== "draft" && campaign.status !== "scheduled") refuse(campaign.status, "start sending");
  const rules = campaign.segment_rules == null ? emptyRules : parseStoredRules(campaign.segment_rules);
  const recipients = await snapshotAudience(tx, campaignId, campaign.topic, rules);
  await tx.execute(sql`
    update campaigns set status = ${recipients > 0 ? "sending" : "sent"}, started_at = now(), paused_reason = null,
      finished_at = ${recipients > 0 ? null : sql`now()`}, updated_at = now()
    where id = ${campaignId}`);
  if (recipients > 0) await wake(tx, campaignId);
  return { recipients };
}

/** Sends later: a worker starts it (and takes the audience snapshot) at `at`. */
export async function scheduleCampaign(tx: Tx, campaignId: string, at: Date) {
  const campaign = await lockCampaign(tx, campaignId);
  if (campaign.status !== "draft" && campaign.status !== "scheduled") refuse(campaign.status, "be scheduled");
  await tx.execute(sql`update campaigns set status = 'scheduled', scheduled_at = ${at.toISOString()}::timestamptz, updated_at = now() where id = ${campaignId}`);
}

/** Back to a draft that can be edited. */
export async function unscheduleCampaign(tx: Tx, campaignId: string) {
  const campaign = await lockCampaign(tx, campaignId);
  if (campaign.status !== "scheduled") refuse(campaign.status, "be unscheduled");
  await tx.execute(sql`update campaigns set status = 'draft', scheduled_at = null, updated_at = now() where id = ${campaignId}`);
}

/** Workers finish the batch in hand and take no more. */
export async function pauseCampaign(tx: Tx, campaignId: string, reason: string | null = null) {
  const campaign = await lockCampaign(tx, campaignId);
  if (campaign.status !== "sending") refuse(campaign.status, "be paused");
  await tx.execute(sql`update campaigns set status = 'paused', paused_reason = ${reason}, updated_at = now() where id = ${campaignId}`);
}

export async function resumeCampaign(tx: Tx, campaignId: string) {
  const campaign = await lockCampaign(tx, campaignId);
  if (campaign.status !== "paused") refuse(campaign.status, "be resumed");
  await tx.execute(sql`update campaigns set status = 'sending', paused_reason = null, updated_at = now() where id = ${campaignId}`);
  // A campaign paused because too many emails failed starts counting again.
  await tx.execute(sql`update campaign_batches set attempts = 0 where campaign_id = ${campaignId} and sent_at is null`);
  await wake(tx, campaignId);
}

/** Stops for good: nobody still queued is sent to. What was sent stays sent. */
export async function cancelCampaign(tx: Tx, campaignId: string) {
  const campaign = await lockCampaign(tx, campaignId);
  if (!["scheduled", "sending", "paused"].includes(campaign.status)) refuse(campaign.status, "be cancelled");
  await tx.execute(sql`update campaign_recipients set status = 'cancelled' where campaign_id = ${campaignId} and status = 'queued'`);
  await tx.execute(sql`update campaigns set status = 'cancelled', finished_at = now(), updated_at = now() where id = ${campaignId}`);
}

export type CampaignProgress = {
  status: CampaignStatus;
  recipients: number;
  sent: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Queued or being sent. */
  remaining: number;
  /** Emails sent in the last minute. */
  sentLastMinute: number;
  /** Seconds left at the current rate, when there is a rate to go by. */
  etaSeconds: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  pausedReason: string | null;
};

export async function getCampaignProgress(campaignId: string): Promise<CampaignProgress | null> {
  if (!/^[0-9a-f-]{36}$/i.test(campaignId)) return null;
  const [row] = await getDb().execute<{
    status: CampaignStatus;
    started_at: Date | null;
    finished_at: Date | null;
    paused_reason: string | null;
    recipients: number;
    sent: number;
    failed: number;
    skipped: number;
    cancelled: number;
    remaining: number;
    last_minute: number;
  }>(sql`
    select c.status, c.started_at, c.finished_at, c.paused_reason,
      count(r.id)::int as recipients,
      count(r.id) filter (where r.status = 'sent')::int as sent,
      count(r.id) filter (where r.status = 'failed')::int as failed,
      count(r.id) filter (where r.status = 'skipped')::int as skipped,
      count(r.id) filter (where r.status = 'cancelled')::int as cancelled,
      count(r.id) filter (where r.status in ('queued', 'sending'))::int as remaining,
      count(r.id) filter (where r.status = 'sent' and r.sent_at > now() - interval '1 minute')::int as last_minute
    from campaigns c left join campaign_recipients r on r.campaign_id = c.id
    where c.id = ${campaignId}
    group by c.id`);
  if (!row) return null;
  const perSecond = row.last_minute / 60;
  return {
    status: row.status,
    recipients: row.recipients,
    sent: row.sent,
    failed: row.failed,
    skipped: row.skipped,
    cancelled: row.cancelled,
    remaining: row.remaining,
    sentLastMinute: row.last_minute,
    etaSeconds: row.status === "sending" && row.remaining > 0 && perSecond > 0 ? Math.ceil(row.remaining / perSecond) : null,
    startedAt: row.started_at ? new Date(row.started_at) : null,
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    pausedReason: row.paused_reason,
  };
}
