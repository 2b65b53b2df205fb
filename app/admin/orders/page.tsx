import type { Metadata } from "next";
import { orderStatusText } from "@/components/shop/order-details";
import { listRecentOrders } from "@/db/queries/orders";
import { requireRoleForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Orders" };
export const instant = false;

export default async function AdminOrdersPage() {
  await requireRoleForPage("/admin/orders", "admin", "staff");
  const orders = await listRecentOrders();
  return (
    <div>
      <h1 className="text-3xl">Orders</h1>
      <p className="mt-2 text-sm text-ink-muted">The newest {orders.length} orders. Customers who deleted their account appear as “Erased customer”; their orders are kept for the accounts.</p>
      <div className="mt-6 overflow-x-auto rounded-card border border-line bg-surface-raised">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="border-b border-line text-ink-muted">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">Order</th>
              <th scope="col" className="px-4 py-3 font-medium">Placed</th>
              <th scope="col" className="px-4 py-3 font-medium">Customer</th>
              <th scope="col" className="px-4 py-3 font-medium">Status</th>
              <th scope="col" className="px-4 py-3 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {orders.map((order) => (
              <tr key={order.id} data-order={order.number}>
                <th scope="row" className="px-4 py-3 font-medium">{order.number}</th>
                <td className="px-4 py-3 text-ink-muted">{formatDateTime(order.createdAt)}</td>
                <td className="px-4 py-3">
                  {order.name}
                  <span className="block text-ink-muted">
                    {order.email}
                    {order.hasAccount ? " · account" : ""}
                  </span>
                </td>
                <td className="px-4 py-3">{orderStatusText[order.status] ?? order.status}</td>
                <td className="px-4 py-3 text-right">{formatMoney({ amount: order.totalAmount, currency: order.currency })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
