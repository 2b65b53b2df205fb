import "server-only";
import { eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb, type Tx } from "../index";
import { campaigns, segments } from "../schema";
import type { CampaignStatus } from "./campaign-sending";

/*
 * Campaigns as the marketer writes and reads them. Changing status (send, schedule, pause…) is
 * db/queries/campaign-sending.ts; this file writes only the content, and only while the
 * campaign is a draft or scheduled (a trigger refuses it afterwards too, migration 0018).
 */

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CAMPAIGNS_PER_PAGE = 25;

export type CampaignContentInput = { subject: string; preheader: string; body: string; topic: string; segmentId: string | null };

export type CampaignRowDto = {
  id: string;
  subject: string;
  topic: string;
  segmentName: string | null;
  status: CampaignStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  recipients: number;
  /** Recipients no longer waiting: sent, failed, skipped or cancelled. */
  done: number;
  sent: number;
};

/** Newest first. Recipient counts are read for the page's campaigns only. */
export async function listCampaigns(page: number): Promise<{ rows: CampaignRowDto[]; total: number }> {
  const rows = await getDb().execute<{
    id: string;
    subject: string;
    topic: string;
    segment_name: string | null;
    status: CampaignStatus;
    scheduled_at: string | null;
    started_at: string | null;
    finished_at: string | null;
    created_at: string;
    recipients: number;
    done: number;
    sent: number;
    total: number;
  }>(sql`
    with listed as (
      select c.id, c.subject, c.topic, s.name as segment_name, c.status, c.scheduled_at, c.started_at, c.finished_at, c.created_at,
        count(*) over ()::int as total
      from campaigns c left join segments s on s.id = c.segment_id
      order by c.created_at desc, c.id
      limit ${CAMPAIGNS_PER_PAGE} offset ${(page - 1) * CAMPAIGNS_PER_PAGE})
    select l.*, coalesce(r.recipients, 0) as recipients, coalesce(r.done, 0) as done, coalesce(r.sent, 0) as sent
    from listed l
    left join lateral (
      select count(*)::int as recipients,
        count(*) filter (where status not in ('queued', 'sending'))::int as done,
        count(*) filter (where status = 'sent')::int as sent
      from campaign_recipients where campaign_id = l.id) r on true
    order by l.created_at desc, l.id`);
  const date = (v: string | null) => (v ? new Date(v) : null);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      topic: r.topic,
      segmentName: r.segment_name,
      status: r.status,
      scheduledAt: date(r.scheduled_at),
      startedAt: date(r.started_at),
      finishedAt: date(r.finished_at),
      createdAt: new Date(r.created_at),
      recipients: r.recipients,
      done: r.done,
      sent: r.sent,
    })),
  };
}

export type CampaignDto = CampaignContentInput & {
  id: string;
  segmentName: string | null;
  status: CampaignStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  pausedReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export async function getCampaign(id: string): Promise<CampaignDto | null> {
  if (!uuid.test(id)) return null;
  const [row] = await getDb()
    .select({
      id: campaigns.id,
      subject: campaigns.subject,
      preheader: campaigns.preheader,
      body: campaigns.body,
      topic: campaigns.topic,
      segmentId: campaigns.segmentId,
      segmentName: segments.name,
      status: campaigns.status,
      scheduledAt: campaigns.scheduledAt,
      startedAt: campaigns.startedAt,
      finishedAt: campaigns.finishedAt,
      pausedReason: campaigns.pausedReason,
      createdAt: campaigns.createdAt,
      updatedAt: campaigns.updatedAt,
    })
    .from(campaigns)
    .leftJoin(segments, eq(segments.id, campaigns.segmentId))
    .where(eq(campaigns.id, id));
  return row ?? null;
}

async function assertSegmentExists(tx: Tx, segmentId: string | null) {
  if (!segmentId) return;
  // KEY SHARE: the segment cannot be deleted before this transaction commits.
  const [row] = await tx.select({ id: segments.id }).from(segments).where(eq(segments.id, segmentId)).for("key share");
  if (!row) throw new AppError("invalid", "Please check the highlighted fields.", { segmentId: ["That segment no longer exists. Choose another, or everyone subscribed to the topic."] });
}

export async function createCampaign(tx: Tx, input: CampaignContentInput & { createdBy: string }): Promise<{ id: string }> {
  await assertSegmentExists(tx, input.segmentId);
  const [row] = await tx.insert(campaigns).values(input).returning({ id: campaigns.id });
  return row!;
}

function notEditable(status: CampaignStatus): never {
  throw new AppError(
    "conflict",
    status === "cancelled"
      ? "This campaign was cancelled, so it can no longer change."
      : "This campaign has started sending, so what it says can no longer change: every recipient gets the same email. Reload to see where it stands.",
  );
}

/** Changes a draft or scheduled campaign's content; refused once it has started sending. */
export async function updateCampaign(tx: Tx, id: string, input: CampaignContentInput): Promise<{ before: CampaignContentInput; after: CampaignContentInput }> {
  const [before] = await tx
    .select({ subject: campaigns.subject, preheader: campaigns.preheader, body: campaigns.body, topic: campaigns.topic, segmentId: campaigns.segmentId, status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .for("update");
  if (!before) throw new AppError("not_found", "That campaign no longer exists.");
  if (before.status !== "draft" && before.status !== "scheduled") notEditable(before.status);
  await assertSegmentExists(tx, input.segmentId);
  await tx.update(campaigns).set({ ...input, updatedAt: sql`now()` }).where(eq(campaigns.id, id));
  return { before: { subject: before.subject, preheader: before.preheader, body: before.body, topic: before.topic, segmentId: before.segmentId }, after: input };
}

/**
 * The campaign about to be scheduled or sent, locked: refused when it has nothing to say yet.
 * (Whether its status allows it is campaign-sending.ts's call.)
 */
export async function lockCampaignToSend(tx: Tx, id: string): Promise<{ subject: string; topic: string; segmentId: string | null }> {
  const [row] = await tx
    .select({ subject: campaigns.subject, body: campaigns.body, topic: campaigns.topic, segmentId: campaigns.segmentId })
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .for("update");
  if (!row) throw new AppError("not_found", "That campaign no longer exists.");
  if (!row.body.trim()) throw new AppError("invalid", "Write the email before sending it: its text is empty.");
  return row;
}
