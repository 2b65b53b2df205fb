import type { Metadata } from "next";
import Link from "next/link";
import { auditChanges, auditRecordHref } from "@/components/admin/audit/audit-diff";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { Pagination } from "@/components/shop/pagination";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countAuditEntries, listAuditActions, listAuditActors, listAuditEntityTypes, listAuditEntries, type AuditFilters } from "@/db/queries/audit";
import { dateParam, dayAfterParam, hrefWith, param, readListState, type SearchParams } from "@/lib/admin/list-params";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Audit log" };
export const instant = false;

const PAGE_SIZE = 50;

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermissionForPage("/admin/audit", "audit:read");
  const params = await searchParams;
  const { page } = readListState(params, ["newest"] as const, { sort: "newest", dir: "desc" });
  const filters: AuditFilters = {
    actorId: param(params, "actor").slice(0, 100) || undefined,
    action: param(params, "action").slice(0, 100) || undefined,
    entityType: param(params, "type").slice(0, 100) || undefined,
    entityId: param(params, "id").slice(0, 100) || undefined,
    from: dateParam(params, "from"),
    // "To 3 November" includes that whole day.
    to: dayAfterParam(params, "to"),
  };
  const [{ entries }, total, actors, actions, types] = await Promise.all([
    listAuditEntries(filters, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    countAuditEntries(filters),
    listAuditActors(),
    listAuditActions(),
    listAuditEntityTypes(),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <div>
      <AdminPageHeader title="Audit log" description="Every change made in the admin: who, what, which record and when, newest first. Entries can never be edited or deleted." />

      <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-card border border-line bg-surface-raised p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <Label htmlFor="actor">Person</Label>
          <Select id="actor" name="actor" defaultValue={filters.actorId ?? ""} className="mt-1">
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.actorId} value={a.actorId}>
                {a.actorEmail}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="action">Action</Label>
          <Select id="action" name="action" defaultValue={filters.action ?? ""} className="mt-1">
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="type">Record type</Label>
          <Select id="type" name="type" defaultValue={filters.entityType ?? ""} className="mt-1">
            <option value="">Any record</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="id">Record id or number</Label>
          <Input id="id" name="id" defaultValue={filters.entityId ?? ""} autoComplete="off" maxLength={100} className="mt-1" />
        </div>
        <div>
          <Label htmlFor="from">From</Label>
          <Input id="from" name="from" type="date" defaultValue={param(params, "from")} className="mt-1" />
        </div>
        <div>
          <Label htmlFor="to">To</Label>
          <Input id="to" name="to" type="date" defaultValue={param(params, "to")} className="mt-1" />
        </div>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink href="/admin/audit" variant="secondary">
              Clear filters
            </ButtonLink>
          ) : null}
        </div>
      </form>

      <p className="mt-6 text-sm text-ink-muted" role="status">
        {total === 1 ? "1 entry" : `${total.toLocaleString("en-GB")} entries`}
        {filtered ? " match these filters" : ""}.
      </p>

      {entries.length === 0 ? (
        <div className="mt-4">
          <EmptyState title={filtered ? "No entries match these filters" : "Nothing on record yet"}>
            {filtered ? "Try a wider date range, or clear the filters." : "Changes made in the admin will be listed here."}
          </EmptyState>
        </div>
      ) : (
        <Table caption="Audit log entries, newest first" captionHidden wrapperClassName="mt-4" className="min-w-[52rem]">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>What</TableHead>
              <TableHead>Record</TableHead>
              <TableHead>Changes</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => {
              const href = auditRecordHref(entry.entityType, entry.entityId);
              const changes = auditChanges(entry.before, entry.after);
              return (
                <TableRow key={entry.id} data-audit={entry.action}>
                  <TableCell className="whitespace-nowrap text-ink-muted">{formatDateTime(entry.createdAt)}</TableCell>
                  <TableCell>
                    <Link href={hrefWith("/admin/audit", params, { actor: entry.actorId })} className="underline-offset-4 hover:underline">
                      {entry.actorEmail}
                    </Link>
                    <Badge className="ms-2">{entry.actorRole}</Badge>
                  </TableCell>
                  <TableCell>
                    <span className="block">{entry.summary}</span>
                    <code className="text-xs text-ink-muted">{entry.action}</code>
                  </TableCell>
                  <TableCell>
                    <span className="text-ink-muted">{entry.entityType} </span>
                    {href ? (
                      <Link href={href} className="underline underline-offset-4">
                        {entry.entityId}
                      </Link>
                    ) : (
                      entry.entityId
                    )}
                  </TableCell>
                  <TableCell>
                    {changes.length === 0 ? (
                      <span className="text-ink-muted">—</span>
                    ) : (
                      <dl className="space-y-1 text-xs">
                        {changes.map((c) => (
                          <div key={c.field}>
                            <dt className="inline font-medium">{c.field}: </dt>
                            <dd className="inline break-words">
                              {c.before !== null ? <del className="text-ink-muted">{c.before}</del> : null}
                              {c.before !== null && c.after !== null ? " → " : null}
                              {c.after !== null ? <ins className="no-underline">{c.after}</ins> : null}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefWith("/admin/audit", params, { page: p })} />
    </div>
  );
}
