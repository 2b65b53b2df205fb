import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteSegmentAction } from "@/app/admin/marketing/segments/actions";
import { campaignStatusLabel } from "@/components/admin/campaigns/wording";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { AdminPageHeader } from "@/components/admin/page-header";
import { SegmentEditor } from "@/components/admin/segments/segment-editor";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { listCollectionChoices } from "@/db/queries/admin-products";
import { getSegment, listSignupSources } from "@/db/queries/segments";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { emptyRules } from "@/lib/marketing/segment-rules";
import { segmentFormValues } from "@/lib/validations/segment";

export const metadata: Metadata = { title: "Segment" };
export const instant = false;

export default async function SegmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const staff = await requirePermissionForPage(`/admin/marketing/segments/${encodeURIComponent(id)}`, "marketing:read");
  const [segment, sources, collections, query] = await Promise.all([getSegment(id), listSignupSources(), listCollectionChoices(), searchParams]);
  if (!segment) notFound();
  const mayWrite = can(staff.role, "marketing:write");
  const pending = segment.usedBy.filter((c) => c.status === "draft" || c.status === "scheduled");

  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/marketing/segments" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Segments
          </Link>
        }
        title={segment.name}
        actions={
          mayWrite ? (
            <ConfirmAction
              action={deleteSegmentAction}
              fields={{ id: segment.id }}
              trigger={<Button variant="danger-secondary">Delete segment…</Button>}
              title="Delete this segment?"
              description={
                segment.usedBy.length > 0
                  ? `It is used by ${segment.usedBy.length === 1 ? "a campaign" : `${segment.usedBy.length} campaigns`}, so it cannot be deleted until they use another segment.`
                  : "Its rules are deleted. No campaign uses it, and no subscriber is affected."
              }
              confirmLabel="Delete segment"
              pendingLabel="Deleting…"
            />
          ) : null
        }
      />
      {param(query, "saved") ? <Notice className="mb-4">Segment created.</Notice> : null}
      {!segment.rules ? <Notice tone="error" className="mb-4">This segment’s saved rules cannot be read by this version. Save it again to replace them.</Notice> : null}
      {segment.usedBy.length > 0 ? (
        <section aria-labelledby="used-heading" className="mb-6 max-w-2xl rounded-card border border-line bg-surface-raised p-4 text-sm">
          <h2 id="used-heading" className="font-sans text-base font-semibold">
            Used by {segment.usedBy.length === 1 ? "1 campaign" : `${segment.usedBy.length} campaigns`}
          </h2>
          {pending.length > 0 ? <p className="mt-1 text-ink-muted">Changes apply to the drafts and scheduled campaigns below when they send; sent campaigns keep the audience they had.</p> : null}
          <ul className="mt-2 space-y-1">
            {segment.usedBy.map((c) => (
              <li key={c.id}>
                <Link href={`/admin/marketing/campaigns/${c.id}`} className="underline underline-offset-4">
                  {c.subject}
                </Link>{" "}
                <span className="text-ink-muted">({campaignStatusLabel[c.status as keyof typeof campaignStatusLabel] ?? c.status})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SegmentEditor
        id={segment.id}
        initial={segmentFormValues(segment.name, segment.rules ?? emptyRules, sources)}
        topics={newsletterTopics}
        sources={sources}
        collections={collections}
        readOnly={!mayWrite}
      />
    </div>
  );
}
