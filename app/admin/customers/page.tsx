import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { SortableHead } from "@/components/admin/sortable-head";
import { Pagination } from "@/components/shop/pagination";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CUSTOMERS_PER_PAGE, customerSorts, listCustomers } from "@/db/queries/admin-customers";
import { hrefWith, param, readListState, type SearchParams } from "@/lib/admin/list-params";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Customers" };
export const instant = false;

const BASE = "/admin/customers";

export default async function AdminCustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermissionForPage(BASE, "customers:read");
  const params = await searchParams;
  const state = readListState(params, customerSorts, { sort: "joined", dir: "desc" });
  const { customers, total, totalCapped } = await listCustomers(state, { currency: shopConfig.currency });
  const pageCount = Math.max(1, Math.ceil(total / CUSTOMERS_PER_PAGE));
  const current = { sort: state.sort, dir: state.dir };
  const erased = param(params, "erased") === "1";

  return (
    <div>
      <AdminPageHeader title="Customers" description="Everyone with a customer account. Staff accounts are listed under Staff." />
      {erased ? <Notice className="mb-4">The customer’s account and personal data were erased. Their orders are kept without personal details.</Notice> : null}
      <form action={BASE} method="get" role="search" aria-label="Customers" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-60 flex-1 sm:max-w-md">
          <Label htmlFor="customer-search">Search by email or name</Label>
          <Input id="customer-search" name="q" type="search" defaultValue={state.q} autoComplete="off" size="sm" className="mt-1" />
        </div>
        {state.sort !== "joined" ? <input type="hidden" name="sort" value={state.sort} /> : null}
        {state.dir !== "desc" ? <input type="hidden" name="dir" value={state.dir} /> : null}
        <Button type="submit" variant="secondary" size="sm">
          Search
        </Button>
        {state.q ? (
          <Link href={hrefWith(BASE, params, { q: undefined })} className="inline-flex h-10 items-center text-sm text-ink-muted underline underline-offset-4">
            Clear search
          </Link>
        ) : null}
      </form>
      <p className="mb-2 text-sm text-ink-muted" role="status">
        {totalCapped ? `More than ${total.toLocaleString(shopConfig.locale)}` : total.toLocaleString(shopConfig.locale)} {total === 1 ? "customer" : "customers"}
        {state.q ? ` matching “${state.q}”` : ""}
      </p>
      {customers.length === 0 ? (
        <EmptyState title={state.q ? "No customer matches that search." : "No customers yet."}>
          {state.q ? "Try part of their email address or name." : "Shoppers who create an account appear here."}
        </EmptyState>
      ) : (
        <Table caption="Customers" captionHidden className="min-w-[40rem]">
          <TableHeader>
            <TableRow>
              <SortableHead column="name" base={BASE} params={params} current={current}>
                Customer
              </SortableHead>
              <SortableHead column="joined" base={BASE} params={params} current={current} firstDir="desc">
                Joined
              </SortableHead>
              <SortableHead column="orders" base={BASE} params={params} current={current} firstDir="desc" numeric>
                Orders
              </SortableHead>
              <SortableHead column="spent" base={BASE} params={params} current={current} firstDir="desc" numeric>
                Spent
              </SortableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {customers.map((c) => (
              <TableRow key={c.id}>
                <TableHead scope="row">
                  <Link href={`${BASE}/${c.id}`} className="underline underline-offset-4">
                    {c.name || c.email}
                  </Link>
                  {c.name ? <span className="block font-normal text-ink-muted">{c.email}</span> : null}
                </TableHead>
                <TableCell className="text-ink-muted">{formatDate(c.joinedAt)}</TableCell>
                <TableCell numeric>{c.orders}</TableCell>
                <TableCell numeric>{formatMoney({ amount: c.spent, currency: shopConfig.currency })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={state.page} pageCount={pageCount} hrefFor={(page) => hrefWith(BASE, params, { page })} />
    </div>
  );
}
