import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countArchivedTrackedLinks, listTrackedLinks } from "@/db/queries/tracked-links";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { cn } from "@/lib/cn";

export const metadata: Metadata = { title: "Short links" };
export const instant = false;

const BASE = "/admin/marketing/links";

export default async function TrackedLinksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage(BASE, "marketing:read");
  const params = await searchParams;
  const archived = param(params, "show") === "archived";
  const [links, archivedCount] = await Promise.all([listTrackedLinks({ archived }), countArchivedTrackedLinks()]);
  const mayWrite = can(staff.role, "marketing:write");
  const tab = (active: boolean) => cn("rounded-full px-3 py-1.5 text-sm", active ? "bg-accent-100 font-medium text-accent-700" : "text-ink-muted underline underline-offset-4 hover:text-ink");

  return (
    <div>
      <AdminPageHeader
        title="Short links"
        description="Links for social posts, bios and print: each click is counted without cookies (bots and visitors who ask not to be tracked are left out) and forwarded to the shop with its campaign labels."
        actions={mayWrite ? <ButtonLink href={`${BASE}/new`}>New short link</ButtonLink> : null}
      />
      <nav aria-label="Which links" className="mb-4 flex gap-2">
        <Link href={BASE} className={tab(!archived)} aria-current={archived ? undefined : "page"}>
          In use
        </Link>
        <Link href={`${BASE}?show=archived`} className={tab(archived)} aria-current={archived ? "page" : undefined}>
          Archived ({archivedCount})
        </Link>
      </nav>
      {links.length === 0 ? (
        <EmptyState title={archived ? "No archived links." : "No short links yet."}>
          {archived ? "Archived links still forward; they are only kept off the main list." : mayWrite ? "Create one for your next post: it tells you which posts bring visitors." : null}
        </EmptyState>
      ) : (
        <Table caption={archived ? "Archived short links, newest first" : "Short links in use, newest first"} captionHidden className="min-w-[52rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Link</TableHead>
              <TableHead>Goes to</TableHead>
              <TableHead>Source / medium / campaign</TableHead>
              <TableHead numeric>Clicks, 30 days</TableHead>
              <TableHead numeric>Clicks, all</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {links.map((l) => (
              <TableRow key={l.id}>
                <TableHead scope="row" className="font-normal">
                  <Link href={`${BASE}/${l.id}`} className="font-mono font-medium underline underline-offset-4">
                    /go/{l.slug}
                  </Link>
                  {l.label ? <span className="block text-ink-muted">{l.label}</span> : null}
                </TableHead>
                <TableCell className="max-w-56 break-all font-mono text-xs">{l.destination}</TableCell>
                <TableCell className="text-ink-muted">
                  {l.utmSource} / {l.utmMedium} / {l.utmCampaign}
                  {l.utmContent ? <span className="block text-xs">content: {l.utmContent}</span> : null}
                </TableCell>
                <TableCell numeric>{l.clicks30d}</TableCell>
                <TableCell numeric>{l.clicksTotal}</TableCell>
                <TableCell className="whitespace-nowrap text-ink-muted">{formatDate(l.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
