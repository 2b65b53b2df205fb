import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { subscriberStatusLabel, topicLabel } from "@/components/admin/subscribers/wording";
import { Pagination } from "@/components/shop/pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listSubscribers, SUBSCRIBERS_PER_PAGE, subscriberStatuses, type SubscriberStatus } from "@/db/queries/admin-subscribers";
import { hrefWith, param, readListState, type SearchParams } from "@/lib/admin/list-params";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { formatDate } from "@/lib/dates";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Subscribers" };
export const instant = false;

const BASE = "/admin/marketing/subscribers";

export default async function AdminSubscribersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermissionForPage(BASE, "marketing:read");
  const params = await searchParams;
  const { page, q } = readListState(params, ["newest"] as const, { sort: "newest", dir: "desc" });
  const statusParam = param(params, "status");
  const status = (subscriberStatuses as readonly string[]).includes(statusParam) ? (statusParam as SubscriberStatus) : undefined;
  const topicParam = param(params, "topic");
  const topic = newsletterTopics.some((t) => t.id === topicParam) ? topicParam : undefined;
  const { rows, total } = await listSubscribers({ q: q || undefined, status, topic, page });
  const pageCount = Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE));
  const filtered = Boolean(q || status || topic);

  return (
    <div>
      <AdminPageHeader
        title="Subscribers"
        description="Your newsletter list: everyone who asked to hear from you, and what they agreed to receive, straight from the consent ledger."
      />
      <form action={BASE} method="get" role="search" aria-label="Filter subscribers" className="mb-4 grid gap-3 rounded-card border border-line bg-surface-raised p-4 sm:grid-cols-2 lg:grid-cols-[1fr_12rem_14rem_auto] lg:items-end">
        <div>
          <Label htmlFor="subscriber-search">Email address</Label>
          <Input id="subscriber-search" name="q" type="search" defaultValue={q} autoComplete="off" size="sm" className="mt-1" />
        </div>
        <div>
          <Label htmlFor="subscriber-status">Status</Label>
          <Select id="subscriber-status" name="status" defaultValue={status ?? ""} className="mt-1">
            <option value="">Any status</option>
            {subscriberStatuses.map((s) => (
              <option key={s} value={s}>
                {subscriberStatusLabel[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="subscriber-topic">Topic</Label>
          <Select id="subscriber-topic" name="topic" defaultValue={topic ?? ""} className="mt-1">
            <option value="">Any topic</option>
            {newsletterTopics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" size="sm">
            Apply
          </Button>
          {filtered ? (
            <Link href={BASE} className="text-sm text-ink-muted underline underline-offset-4">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-2 text-sm text-ink-muted" role="status">
        {total.toLocaleString(shopConfig.locale)} {total === 1 ? "subscriber" : "subscribers"}
        {filtered ? " match" : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No subscriber matches these filters." : "No subscribers yet."}>
          {filtered ? "Try fewer filters." : "People who sign up in the shop's footer, on /newsletter or at checkout appear here once they ask."}
        </EmptyState>
      ) : (
        <Table caption="Subscribers, newest first" captionHidden className="min-w-[44rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Subscriber</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Receives</TableHead>
              <TableHead>Signed up</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((s) => (
              <TableRow key={s.id} data-subscriber={s.email}>
                <TableHead scope="row">
                  <Link href={`${BASE}/${s.id}`} className="underline underline-offset-4">
                    {s.email}
                  </Link>
                  {s.hasAccount ? <span className="block text-xs font-normal text-ink-muted">Has an account</span> : null}
                </TableHead>
                <TableCell>
                  <Badge tone={s.status === "active" ? "success" : s.status === "pending" ? "warning" : "neutral"}>{subscriberStatusLabel[s.status]}</Badge>
                </TableCell>
                <TableCell>{s.topics.length ? s.topics.map(topicLabel).join(", ") : <span className="text-ink-muted">Nothing</span>}</TableCell>
                <TableCell className="text-ink-muted">
                  {formatDate(s.createdAt)}
                  {s.source ? <span className="block text-xs">from {s.source}</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefWith(BASE, params, { page: p })} />
    </div>
  );
}
