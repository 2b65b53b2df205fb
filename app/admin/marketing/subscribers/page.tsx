import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmItsYouForm } from "@/components/account/privacy-forms";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { SubscriberFilters } from "@/components/admin/subscribers/subscriber-filters";
import { sourceLabel, subscriberStatusLabel, subscriberStatusTone, topicLabel } from "@/components/admin/subscribers/wording";
import { Pagination } from "@/components/shop/pagination";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listSubscribers, listSubscriberSources, SUBSCRIBERS_PER_PAGE } from "@/db/queries/admin-subscribers";
import { hrefWith, param, readListState, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/auth/recent-sign-in";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { shopConfig } from "@/lib/shop-config";
import { readSubscriberFilters } from "./filters";

export const metadata: Metadata = { title: "Subscribers" };
export const instant = false;

const BASE = "/admin/marketing/subscribers";

export default async function AdminSubscribersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage(BASE, "marketing:read");
  const params = await searchParams;
  const { page } = readListState(params, ["newest"] as const, { sort: "newest", dir: "desc" });
  const filters = readSubscriberFilters(params);
  const askConfirm = param(params, "confirm") === "1";
  const [{ rows, total }, sources, recent] = await Promise.all([listSubscribers({ ...filters, page }), listSubscriberSources(), signedInRecently(staff)]);
  const pageCount = Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE));
  const filtered = Object.values(filters.values).some(Boolean);
  // A plain link for the download (nothing to prefetch), with the list's filters; without a
  // recent sign-in, the same label opens the "confirm it is you" step instead.
  const exportHref = hrefWith(`${BASE}/export.csv`, params, { confirm: undefined });
  const exportLabel = filtered ? "Export these (CSV)" : "Export all (CSV)";

  return (
    <div>
      <AdminPageHeader
        title="Subscribers"
        description="Your newsletter list: everyone who asked to hear from you, and what they agreed to receive, straight from the consent ledger."
        actions={
          <>
            {can(staff.role, "marketing:write") ? (
              <ButtonLink href={`${BASE}/import`} variant="secondary" size="sm">
                Import CSV
              </ButtonLink>
            ) : null}
            {recent ? (
              <Button asChild variant="secondary" size="sm">
                <a href={exportHref} download>
                  {exportLabel}
                </a>
              </Button>
            ) : (
              <ButtonLink href={hrefWith(BASE, params, { confirm: 1, page })} variant="secondary" size="sm">
                {exportLabel}
              </ButtonLink>
            )}
          </>
        }
      />
      {recent || !askConfirm ? null : (
        <section aria-labelledby="confirm-heading" className="mb-6 rounded-card border border-line bg-surface-raised p-5">
          <h2 id="confirm-heading" className="mb-2 font-sans text-base font-semibold">
            Confirm it is you to export
          </h2>
          <ConfirmItsYouForm email={staff.email} returnTo={BASE}>
            The list holds people&apos;s email addresses, so an export needs a sign-in from the last {RECENT_SIGN_IN_MINUTES} minutes:
          </ConfirmItsYouForm>
        </section>
      )}
      <SubscriberFilters base={BASE} values={filters.values} sources={sources} filtered={filtered} />
      <p className="mb-2 text-sm text-ink-muted" role="status">
        {total.toLocaleString(shopConfig.locale)} {total === 1 ? "subscriber" : "subscribers"}
        {filtered ? " match" : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No subscriber matches these filters." : "No subscribers yet."}>
          {filtered ? (
            <>
              Try fewer filters, or{" "}
              <Link href={BASE} className="underline underline-offset-4">
                see everyone
              </Link>
              .
            </>
          ) : (
            "People who sign up in the shop's footer, on /newsletter or at checkout appear here once they ask; you can also import a list with proof of consent."
          )}
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
                  <Badge tone={subscriberStatusTone[s.status]}>{subscriberStatusLabel[s.status]}</Badge>
                </TableCell>
                <TableCell>{s.topics.length ? s.topics.map(topicLabel).join(", ") : <span className="text-ink-muted">Nothing</span>}</TableCell>
                <TableCell className="text-ink-muted">
                  {formatDate(s.createdAt)}
                  {s.source ? <span className="block text-xs">via {sourceLabel(s.source)}</span> : null}
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
