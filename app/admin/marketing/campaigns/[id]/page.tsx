import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignControls } from "@/components/admin/campaigns/campaign-controls";
import { CampaignEditor } from "@/components/admin/campaigns/campaign-editor";
import { EmailPreviewFrame } from "@/components/admin/campaigns/campaign-preview";
import { CampaignProgress } from "@/components/admin/campaigns/campaign-progress";
import { CampaignStats } from "@/components/admin/campaigns/campaign-stats";
import { campaignStatusLabel, campaignStatusTone } from "@/components/admin/campaigns/wording";
import { AdminPageHeader } from "@/components/admin/page-header";
import { topicLabel } from "@/components/admin/subscribers/wording";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { countAudience } from "@/db/queries/audience";
import { getCampaignProgress } from "@/db/queries/campaign-sending";
import { getCampaign } from "@/db/queries/campaigns";
import { getCampaignStats } from "@/db/queries/campaign-stats";
import { getSegment, listSegmentChoices } from "@/db/queries/segments";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { formatDateTime } from "@/lib/dates";
import { renderEmail } from "@/lib/email/render";
import { campaignEmailFor, sampleRecipient } from "@/lib/marketing/campaign-email";
import { emptyRules } from "@/lib/marketing/segment-rules";
import { shopConfig } from "@/lib/shop-config";
import { instantToZonedTime } from "@/lib/validations/campaign";

export const metadata: Metadata = { title: "Campaign" };
export const instant = false;

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const staff = await requirePermissionForPage(`/admin/marketing/campaigns/${encodeURIComponent(id)}`, "marketing:read");
  const [campaign, query] = await Promise.all([getCampaign(id), searchParams]);
  if (!campaign) notFound();
  const mayWrite = can(staff.role, "marketing:write");
  const maySend = can(staff.role, "marketing:send");
  const editable = campaign.status === "draft" || campaign.status === "scheduled";
  const email = campaignEmailFor({ campaign, recipient: sampleRecipient() });
  const rendered = { subject: email.subject, ...(await renderEmail(email.react)) };
  const back = (
    <Link href="/admin/marketing/campaigns" className="text-ink-muted underline underline-offset-4 hover:text-ink">
      ← Campaigns
    </Link>
  );
  const badge = <Badge tone={campaignStatusTone[campaign.status]}>{campaignStatusLabel[campaign.status]}</Badge>;

  if (editable && mayWrite) {
    const segment = campaign.segmentId ? await getSegment(campaign.segmentId) : null;
    const [segments, audience] = await Promise.all([listSegmentChoices(), segment && !segment.rules ? Promise.resolve(0) : countAudience(campaign.topic, segment?.rules ?? emptyRules)]);
    const now = new Date();
    const tomorrow = new Date(Math.ceil((now.getTime() + 24 * 3600 * 1000) / 3_600_000) * 3_600_000);
    return (
      <div>
        <AdminPageHeader back={back} title={<span className="flex flex-wrap items-center gap-3">{campaign.subject} {badge}</span>} />
        {param(query, "saved") ? <Notice className="mb-4">Draft saved. Send yourself a test, then schedule it or send it.</Notice> : null}
        <CampaignEditor
          id={campaign.id}
          saved={{ subject: campaign.subject, preheader: campaign.preheader, topic: campaign.topic, segmentId: campaign.segmentId ?? "", body: campaign.body }}
          topics={newsletterTopics}
          segments={segments}
          initialPreview={rendered}
          staffEmail={staff.email}
          send={{
            id: campaign.id,
            status: campaign.status as "draft" | "scheduled",
            scheduledFor: campaign.scheduledAt ? formatDateTime(campaign.scheduledAt) : null,
            sendAtDefault: instantToZonedTime(campaign.scheduledAt ?? tomorrow, shopConfig.timeZone),
            minSendAt: instantToZonedTime(now, shopConfig.timeZone),
            timeZone: shopConfig.timeZone,
            audience,
            audienceText: campaign.segmentName ? `subscribers to ${topicLabel(campaign.topic)} in the segment “${campaign.segmentName}”` : `everyone subscribed to ${topicLabel(campaign.topic)}`,
            mayWrite,
            maySend,
          }}
        />
      </div>
    );
  }

  const [progress, stats] = editable ? [null, null] : await Promise.all([getCampaignProgress(campaign.id), getCampaignStats(campaign.id)]);
  const live = campaign.status === "sending" || campaign.status === "paused";
  return (
    <div>
      <AdminPageHeader
        back={back}
        title={<span className="flex flex-wrap items-center gap-3">{campaign.subject} {badge}</span>}
        description={
          campaign.startedAt
            ? `Started ${formatDateTime(campaign.startedAt)}${campaign.finishedAt ? ` · ${campaign.status === "cancelled" ? "cancelled" : "finished"} ${formatDateTime(campaign.finishedAt)}` : ""}`
            : campaign.status === "scheduled" && campaign.scheduledAt
              ? `Scheduled for ${formatDateTime(campaign.scheduledAt)}`
              : undefined
        }
      />
      {live && maySend ? (
        <div className="mb-6">
          <CampaignControls id={campaign.id} status={campaign.status as "sending" | "paused"} remaining={progress?.remaining ?? 0} />
        </div>
      ) : null}
      <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] xl:items-start">
        <div className="space-y-6">
          {progress ? (
            <CampaignProgress
              id={campaign.id}
              initial={{
                status: progress.status,
                recipients: progress.recipients,
                sent: progress.sent,
                failed: progress.failed,
                skipped: progress.skipped,
                cancelled: progress.cancelled,
                remaining: progress.remaining,
                sentLastMinute: progress.sentLastMinute,
                etaSeconds: progress.etaSeconds,
                pausedReason: progress.pausedReason,
              }}
            />
          ) : null}
          {stats && !live ? <CampaignStats stats={stats} /> : null}
          <section aria-labelledby="content-heading" className="rounded-card border border-line bg-surface-raised p-4 md:p-6">
            <h2 id="content-heading" className="text-2xl">
              Content
            </h2>
            <p className="mt-1 text-sm text-ink-muted">
              {editable ? "Only a marketer can change this campaign." : "Fixed since it started sending: every recipient gets this same email."}
            </p>
            <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-ink-muted">Subject</dt>
              <dd>{campaign.subject}</dd>
              <dt className="text-ink-muted">Preheader</dt>
              <dd>{campaign.preheader || <span className="text-ink-muted">(the subject)</span>}</dd>
              <dt className="text-ink-muted">Topic</dt>
              <dd>{topicLabel(campaign.topic)}</dd>
              <dt className="text-ink-muted">Audience</dt>
              <dd>{campaign.segmentName ?? "Everyone subscribed to the topic"}</dd>
            </dl>
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium">Markdown</summary>
              <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-surface-sunken p-3 font-mono text-xs whitespace-pre-wrap">{campaign.body}</pre>
            </details>
          </section>
        </div>
        <section aria-labelledby="preview-heading" className="xl:sticky xl:top-4">
          <h2 id="preview-heading" className="mb-2 text-2xl">
            The email
          </h2>
          <EmailPreviewFrame email={rendered} status="As a sample subscriber sees it" />
        </section>
      </div>
    </div>
  );
}
