import { AddressLines } from "@/components/shop/address-lines";
import { TotalsList } from "@/components/shop/totals-list";
import type { OrderDetailDto } from "@/db/queries/orders";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { defaultPaymentProvider, paymentProviders } from "@/lib/payments/provider";
import { getCachedShopSettings } from "@/lib/settings/cached";

/** The shopper's words for each status (the merchant's are in components/admin/orders). */
export const orderStatusText: Record<string, string> = {
  awaiting_payment: "Waiting for your payment",
  paid: "Paid — being packed",
  fulfilled: "Packed — ready to send",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** Status, payment instructions, items, totals and delivery: the same for guests and account holders. */
export async function OrderDetails({ order }: { order: OrderDetailDto }) {
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  const provider = paymentProviders[order.paymentProvider] ?? defaultPaymentProvider;
  const next = order.status === "awaiting_payment" ? provider.nextStep({ number: order.number, total: money(order.totals.total) }) : null;
  const method = (await getCachedShopSettings()).deliveryRates.find((m) => m.code === order.shipping.method);
  return (
    <>
      <section aria-labelledby="status-heading" className="mt-8 rounded-card border border-line bg-surface-raised p-5">
        <h2 id="status-heading" className="font-sans text-sm font-semibold">
          Status
        </h2>
        <p className="mt-1 text-lg" data-testid="order-status">
          {orderStatusText[order.status] ?? order.status}
        </p>
        {order.shipment ? (
          <p className="mt-2 text-sm" data-testid="order-shipment">
            Sent with {order.shipment.carrier} on {formatDate(order.shipment.shippedAt)}. Tracking number:{" "}
            <span className="font-mono font-medium">{order.shipment.trackingNumber}</span>
          </p>
        ) : null}
        {order.refundedAmount > 0 ? <p className="mt-2 text-sm">We have refunded {money(order.refundedAmount)} to you.</p> : null}
        {next?.kind === "instructions" ? (
          <div className="mt-4 border-t border-line pt-4">
            <h3 className="font-sans text-sm font-semibold">{next.title}</h3>
            {next.lines.map((line) => (
              <p key={line} className="mt-1 text-sm">
                {line}
              </p>
            ))}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="items-heading" className="mt-8">
        <h2 id="items-heading" className="text-xl">
          Items
        </h2>
        <ul className="mt-3 divide-y divide-line border-y border-line text-sm">
          {order.items.map((item) => (
            <li key={item.sku} className="flex justify-between gap-4 py-3">
              <span>
                {item.quantity} × {item.productTitle}
                {item.variantTitle ? <span className="block text-ink-muted">{item.variantTitle}</span> : null}
              </span>
              <span>{money(item.lineTotal)}</span>
            </li>
          ))}
        </ul>
        <TotalsList
          totals={order.totals}
          currency={order.currency}
          pricesIncludeTax={order.pricesIncludeTax}
          discountLabel={`Discount (${order.discountCode})`}
          testIdPrefix="order"
          className="mt-4 ms-auto max-w-xs"
        />
      </section>

      <section aria-labelledby="delivery-heading" className="mt-8 text-sm">
        <h2 id="delivery-heading" className="text-xl">
          Delivery
        </h2>
        <p className="mt-2">
          <AddressLines address={order.shipping} />
        </p>
        <p className="mt-2 text-ink-muted">{method?.label ?? order.shipping.method}</p>
      </section>
    </>
  );
}
