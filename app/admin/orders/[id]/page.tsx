import { AddressLines } from "@/components/shop/address-lines";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderActions } from "@/components/admin/orders/order-actions";
import { OrderHistory } from "@/components/admin/orders/order-history";
import { OrderStatusBadge } from "@/components/admin/orders/order-status-badge";
import { AdminPageHeader } from "@/components/admin/page-header";
import { TotalsList } from "@/components/shop/totals-list";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getAdminOrder } from "@/db/queries/admin-orders";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { formatMoney, minorUnitDigits } from "@/lib/money";
import { refundableAmount, transitionsFor, wasPaid } from "@/lib/orders/transitions";
import { paymentProviders } from "@/lib/payments/provider";
import { getCachedShopSettings } from "@/lib/settings/cached";

export const metadata: Metadata = { title: "Order" };
export const instant = false;

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requirePermissionForPage(`/admin/orders/${encodeURIComponent(id)}`, "orders:read");
  const order = await getAdminOrder(id);
  if (!order) notFound();

  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  const state = { status: order.status, paid: wasPaid(order.status, order.paidAt), totalAmount: order.totals.total, refundedAmount: order.refundedAmount };
  const refundable = refundableAmount(state);
  const digits = minorUnitDigits(order.currency);
  const method = (await getCachedShopSettings()).deliveryRates.find((m) => m.code === order.shipping.method);
  const reachable = !order.email.toLowerCase().endsWith(".invalid");

  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/orders" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← All orders
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            Order {order.number} <OrderStatusBadge status={order.status} />
          </span>
        }
        description={`Placed ${formatDateTime(order.createdAt)}${order.paidAt ? ` · paid ${formatDateTime(order.paidAt)}` : ""}`}
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-8 lg:order-1">
          <section aria-labelledby="items-heading">
            <h2 id="items-heading" className="text-xl">
              Items
            </h2>
            <Table caption="Items in this order" captionHidden wrapperClassName="mt-3" className="min-w-[32rem]">
              <TableHeader>
                <TableRow>
                  <TableHead>Item</TableHead>
                  <TableHead>SKU</TableHead>
                  <TableHead numeric>Price</TableHead>
                  <TableHead numeric>Qty</TableHead>
                  <TableHead numeric>Total</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {order.items.map((item) => (
                  <TableRow key={item.id}>
                    <TableHead scope="row" className="font-normal">
                      {item.productTitle}
                      {item.variantTitle ? <span className="block text-ink-muted">{item.variantTitle}</span> : null}
                    </TableHead>
                    <TableCell className="font-mono text-xs">{item.sku}</TableCell>
                    <TableCell numeric>{money(item.unitPrice)}</TableCell>
                    <TableCell numeric>{item.quantity}</TableCell>
                    <TableCell numeric>{money(item.lineTotal)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <div className="mt-4 ms-auto max-w-xs">
              <TotalsList
                totals={order.totals}
                currency={order.currency}
                pricesIncludeTax={order.pricesIncludeTax}
                discountLabel={`Discount (${order.discountCode})`}
                testIdPrefix="admin-order"
              />
              {order.refundedAmount > 0 ? (
                <div className="mt-1 flex justify-between text-sm text-danger">
                  <span>Refunded</span>
                  <span>−{money(order.refundedAmount)}</span>
                </div>
              ) : null}
            </div>
          </section>

          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="text-xl">
              History
            </h2>
            <OrderHistory events={order.events} currency={order.currency} />
          </section>
        </div>

        <aside className="order-first grid content-start items-start gap-4 md:grid-cols-2 lg:order-2 lg:grid-cols-1" aria-label="Order actions and details">
          {can(staff.role, "orders:write") ? (
            <OrderActions
              orderId={order.id}
              orderNumber={order.number}
              status={order.status}
              transitions={transitionsFor(state)}
              refundable={{ input: (refundable / 10 ** digits).toFixed(digits), label: money(refundable) }}
              reachable={reachable}
            />
          ) : null}

          <section aria-labelledby="customer-heading" className="rounded-card border border-line bg-surface-raised p-4 text-sm">
            <h2 id="customer-heading" className="font-sans text-sm font-semibold">
              Customer
            </h2>
            <p className="mt-2 break-words">{order.email}</p>
            {order.customer ? (
              <Link href={`/admin/customers/${order.customer.userId}`} className="mt-1 inline-block underline underline-offset-4 hover:text-accent-700">
                {order.customer.name ? `${order.customer.name}'s account` : "Customer account"}
              </Link>
            ) : (
              <p className="mt-1 text-ink-muted">{reachable ? "Ordered as a guest." : "Erased their data; the order is kept for the accounts."}</p>
            )}
          </section>

          <section aria-labelledby="shipping-heading" className="rounded-card border border-line bg-surface-raised p-4 text-sm">
            <h2 id="shipping-heading" className="font-sans text-sm font-semibold">
              Shipping address
            </h2>
            <address className="mt-2 not-italic">
              <AddressLines address={order.shipping} />
            </address>
            <p className="mt-2 text-ink-muted">{method?.label ?? order.shipping.method}</p>
          </section>

          <section aria-labelledby="payment-heading" className="rounded-card border border-line bg-surface-raised p-4 text-sm">
            <h2 id="payment-heading" className="font-sans text-sm font-semibold">
              Payment
            </h2>
            <p className="mt-2">{paymentProviders[order.paymentProvider]?.label ?? order.paymentProvider}</p>
            <p className="text-ink-muted">{order.paidAt ? `Paid ${formatDateTime(order.paidAt)}` : state.paid ? "Paid" : "Not paid yet"}</p>
          </section>
        </aside>
      </div>
    </div>
  );
}
