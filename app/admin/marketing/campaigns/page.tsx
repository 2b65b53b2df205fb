import type { Metadata } from "next";
import Link from "next/link";
import { campaignStatusText, campaignStatusTone } from "@/components/admin/campaigns/wording";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { topicLabel } from "@/components/admin/subscribers/wording";
import { Pagination } from "@/components/shop/pagination";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CAMPAIGNS_PER_PAGE, listCampaigns } from "@/db/queries/campaigns";
import { hrefWith, readListState, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Campaigns" };
export const instant = false;

const BASE = "/admin/marketing/campaigns";

export default async function AdminCampaignsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage(BASE, "marketing:read");
  const params = await searchParams;
  const { page } = readListState(params, ["newest"] as const, { sort: "newest", dir: "desc" });
  const { rows, total } = await listCampaigns(page);
  const pageCount = Math.max(1, Math.ceil(total / CAMPAIGNS_PER_PAGE));
  const mayWrite = can(staff.role, "marketing:write");
  const numbers = new Intl.NumberFormat("en-GB");

  return (
    <div>
      <AdminPageHeader
        title="Campaigns"
        description="Newsletter issues: written here, sent only to people subscribed to their topic, each with a one-click unsubscribe."
        actions={mayWrite ? <ButtonLink href={`${BASE}/new`}>New campaign</ButtonLink> : null}
      />
      {rows.length === 0 ? (
        <EmptyState title={page > 1 ? "No campaigns on this page." : "No campaigns yet."}>{mayWrite && page === 1 ? "Write your first newsletter: it is saved as a draft until you send or schedule it." : null}</EmptyState>
      ) : (
        <Table caption="Campaigns, newest first" captionHidden className="min-w-[52rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Subject</TableHead>
              <TableHead>Topic</TableHead>
              <TableHead>Audience</TableHead>
              <TableHead>Status</TableHead>
              <TableHead numeric>Recipients</TableHead>
              <TableHead>Sent</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id} data-campaign={c.id}>
                <TableHead scope="row" className="max-w-xs">
                  <Link href={`${BASE}/${c.id}`} className="underline underline-offset-4">
                    {c.subject}
                  </Link>
                </TableHead>
                <TableCell>{topicLabel(c.topic)}</TableCell>
                <TableCell className="text-ink-muted">{c.segmentName ?? "Everyone subscribed"}</TableCell>
                <TableCell>
                  <Badge tone={campaignStatusTone[c.status]}>{campaignStatusText(c)}</Badge>
                </TableCell>
                <TableCell numeric>{c.status === "draft" || c.status === "scheduled" ? <span className="text-ink-muted">—</span> : numbers.format(c.recipients)}</TableCell>
                <TableCell className="whitespace-nowrap text-ink-muted">{c.startedAt ? formatDate(c.startedAt) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefWith(BASE, params, { page: p })} />
    </div>
  );
}
