import type { Metadata } from "next";
import Link from "next/link";
import { orderStatusText } from "@/components/shop/order-details";
import { listOrdersForUser } from "@/db/queries/accounts";
import { requireUserForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Your orders" };
export const instant = false;

export default async function AccountOrdersPage() {
  const user = await requireUserForPage("/account/orders");
  const orders = await listOrdersForUser(user.id);
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">Your orders</h1>
      {orders.length === 0 ? (
        <div className="mt-8 rounded-card border border-dashed border-line-strong p-10 text-center">
          <p className="font-medium">No orders yet.</p>
          <p className="mt-2 text-sm text-ink-muted">Orders you place while signed in appear here.</p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-line border-y border-line">
          {orders.map((order) => (
            <li key={order.id}>
              <Link href={`/account/orders/${order.id}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-4 hover:bg-surface-sunken">
                <span className="font-medium">{order.number}</span>
                <span className="text-sm text-ink-muted">{formatDate(order.createdAt)}</span>
                <span className="text-sm">{orderStatusText[order.status] ?? order.status}</span>
                <span className="text-sm">
                  {order.itemCount} {order.itemCount === 1 ? "item" : "items"} · {formatMoney({ amount: order.totalAmount, currency: order.currency })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
