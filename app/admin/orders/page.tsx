import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { OrderFilters } from "@/components/admin/orders/order-filters";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { SortableHead } from "@/components/admin/sortable-head";
import { Pagination } from "@/components/shop/pagination";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { adminOrderSorts, listAdminOrders } from "@/db/queries/admin-orders";
import { orderStatuses, type OrderStatus } from "@/db/schema/orders";
import { dateParam, dayAfterParam, hrefWith, param, readListState, type SearchParams } from "@/lib/admin/list-params";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Orders" };
export const instant = false;

const PAGE_SIZE = 25;

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermissionForPage("/admin/orders", "orders:read");
  const params = await searchParams;
  const list = readListState(params, adminOrderSorts, { sort: "placed", dir: "desc" });
  const statusParam = param(params, "status");
  const status = (orderStatuses as readonly string[]).includes(statusParam) ? (statusParam as OrderStatus) : undefined;
  const from = dateParam(params, "from");
  const to = dateParam(params, "to");
  const backwards = from && to && to < from;
  const toExclusive = dayAfterParam(params, "to");
  const { rows, count, countIsCapped } = await listAdminOrders({
    status,
    q: list.q || undefined,
    from,
    toExclusive,
    sort: list.sort,
    dir: list.dir,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const filtered = Boolean(status || list.q || from || to);
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const countText = countIsCapped ? `More than ${count.toLocaleString("en-GB")} orders` : `${count.toLocaleString("en-GB")} ${count === 1 ? "order" : "orders"}`;

  return (
    <div>
      <AdminPageHeader title="Orders" description="Find an order by number or email, see what needs doing next, and move orders along from payment to delivery." />
      <OrderFilters
        filtered={filtered}
        values={{ status: status ?? "", q: list.q, from: from ? param(params, "from") : "", to: to ? param(params, "to") : "", sort: param(params, "sort"), dir: param(params, "dir") }}
      />
      {backwards ? (
        <Notice className="mb-4" role="note">
          The “to” date is before the “from” date, so no order can match. Swap them to see the orders in between.
        </Notice>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No orders match these filters" : "No orders yet"}>
          {filtered ? (
            <Link href="/admin/orders" className="underline underline-offset-4">
              Show all orders
            </Link>
          ) : (
            "Orders appear here as soon as shoppers place them."
          )}
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-ink-muted" aria-live="polite">
            {countText}
            {filtered ? " match" : ""}
            {pageCount > 1 ? ` · page ${list.page} of ${countIsCapped ? `${pageCount}+` : pageCount}` : ""}
          </p>
          <Table caption="Orders" captionHidden className="min-w-[44rem]">
            <TableHeader>
              <TableRow>
                <TableHead>Order</TableHead>
                <SortableHead column="placed" base="/admin/orders" params={params} current={list} firstDir="desc">
                  Placed
                </SortableHead>
                <TableHead>Customer</TableHead>
                <TableHead>Status</TableHead>
                <SortableHead column="total" base="/admin/orders" params={params} current={list} firstDir="desc" numeric>
                  Total
                </SortableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((order) => (
                <TableRow key={order.id} data-order={order.number}>
                  <TableHead scope="row">
                    <Link href={`/admin/orders/${order.id}`} className="whitespace-nowrap font-medium underline underline-offset-4 hover:text-accent-700">
                      {order.number}
                    </Link>
                  </TableHead>
                  <TableCell className="whitespace-nowrap text-ink-muted">{formatDateTime(order.createdAt)}</TableCell>
                  <TableCell>
                    {order.name}
                    <span className="block text-ink-muted">
                      {order.email}
                      {order.hasAccount ? " · account" : ""}
                    </span>
                  </TableCell>
                  <TableCell>
                    <OrderStatusBadge status={order.status} />
                  </TableCell>
                  <TableCell numeric>{formatMoney({ amount: order.totalAmount, currency: order.currency })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination page={list.page} pageCount={pageCount} hrefFor={(page) => hrefWith("/admin/orders", params, { page })} />
        </>
      )}
    </div>
  );
}
