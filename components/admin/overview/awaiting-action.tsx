import Link from "next/link";
import { EmptyState } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OrdersAwaitingActionDto } from "@/db/queries/admin-reports";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { awaitingStatusText, formatCount } from "./format";

/**
 * Orders the shop has to act on, the longest-waiting first. No shopper's name or email here:
 * the overview is open to marketers too; the order page (orders:read) has the rest.
 */
export function AwaitingAction({ awaiting, linkOrders }: { awaiting: OrdersAwaitingActionDto; linkOrders: boolean }) {
  const { counts, orders } = awaiting;
  const total = counts.awaiting_payment + counts.paid;
  const countText = (status: keyof typeof counts) => `${formatCount(counts[status])} ${awaitingStatusText[status].toLowerCase()}`;
  return (
    <section aria-labelledby="awaiting-action">
      <h2 id="awaiting-action" className="mb-1 text-lg font-semibold">
        Orders awaiting action
      </h2>
      <p className="mb-3 text-sm text-ink-muted">
        {linkOrders ? (
          <>
            <Link href="/admin/orders?status=awaiting_payment" className="underline underline-offset-4 hover:text-ink">
              {countText("awaiting_payment")}
            </Link>
            {" · "}
            <Link href="/admin/orders?status=paid" className="underline underline-offset-4 hover:text-ink">
              {countText("paid")}
            </Link>
          </>
        ) : (
          `${countText("awaiting_payment")} · ${countText("paid")}`
        )}
        {total > orders.length ? `. The ${orders.length} waiting longest are shown.` : ""}
      </p>
      {orders.length === 0 ? (
        <EmptyState title="No orders are waiting">Every order is paid and fulfilled, or cancelled.</EmptyState>
      ) : (
        <Table caption="Orders awaiting payment or fulfilment, longest-waiting first" captionHidden className="min-w-[26rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Order</TableHead>
              <TableHead>Waiting since</TableHead>
              <TableHead>Status</TableHead>
              <TableHead numeric>Total</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {orders.map((o) => (
              <TableRow key={o.id}>
                <TableHead scope="row" className="whitespace-nowrap">
                  {linkOrders ? (
                    <Link href={`/admin/orders/${o.id}`} className="underline-offset-4 hover:underline">
                      {o.number}
                    </Link>
                  ) : (
                    o.number
                  )}
                </TableHead>
                <TableCell className="whitespace-nowrap text-ink-muted">
                  <time dateTime={o.createdAt.toISOString()} title={formatDateTime(o.createdAt)}>
                    {formatDate(o.createdAt)}
                  </time>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <Badge tone={o.status === "paid" ? "accent" : "warning"}>{awaitingStatusText[o.status]}</Badge>
                </TableCell>
                <TableCell numeric>{formatMoney({ amount: o.totalAmount, currency: o.currency })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
