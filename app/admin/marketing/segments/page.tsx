import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { describeRules } from "@/components/admin/segments/wording";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listCollectionChoices } from "@/db/queries/admin-products";
import { listSegments } from "@/db/queries/segments";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Segments" };
export const instant = false;

const BASE = "/admin/marketing/segments";

export default async function AdminSegmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage(BASE, "marketing:read");
  const [segments, collections, params] = await Promise.all([listSegments(), listCollectionChoices(), searchParams]);
  const mayWrite = can(staff.role, "marketing:write");
  const collectionTitle = (id: number) => collections.find((c) => c.id === id)?.title;

  return (
    <div>
      <AdminPageHeader
        title="Segments"
        description="Saved rules for who a campaign goes to. They are worked out when a campaign sends, and never reach past the people subscribed to its topic."
        actions={mayWrite ? <ButtonLink href={`${BASE}/new`}>New segment</ButtonLink> : null}
      />
      {param(params, "deleted") ? <Notice className="mb-4">Segment deleted.</Notice> : null}
      {segments.length === 0 ? (
        <EmptyState title="No segments yet.">{mayWrite ? "A campaign can go to everyone subscribed to its topic; a segment narrows that down, e.g. to people who bought candles." : null}</EmptyState>
      ) : (
        <Table caption="Segments, most recently changed first" captionHidden className="min-w-[40rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Segment</TableHead>
              <TableHead>Rules</TableHead>
              <TableHead numeric>Campaigns</TableHead>
              <TableHead>Changed</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {segments.map((s) => (
              <TableRow key={s.id}>
                <TableHead scope="row">
                  <Link href={`${BASE}/${s.id}`} className="underline underline-offset-4">
                    {s.name}
                  </Link>
                </TableHead>
                <TableCell className="text-ink-muted">{describeRules(s.rules, collectionTitle)}</TableCell>
                <TableCell numeric>{s.campaigns}</TableCell>
                <TableCell className="whitespace-nowrap text-ink-muted">{formatDate(s.updatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
