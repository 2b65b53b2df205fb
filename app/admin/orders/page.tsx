import type { Metadata } from "next";
import { orderStatusText } from "@/components/shop/order-details";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listRecentOrders } from "@/db/queries/orders";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Orders" };
export const instant = false;

export default async function AdminOrdersPage() {
  await requirePermissionForPage("/admin/orders", "orders:read");
  const orders = await listRecentOrders();
  return (
    <div>
      <h1 className="text-3xl">Orders</h1>
      <p className="mt-2 text-sm text-ink-muted">The newest {orders.length} orders. Customers who deleted their account appear as “Erased customer”; their orders are kept for the accounts.</p>
      <Table caption="Newest orders" captionHidden wrapperClassName="mt-6" className="min-w-[40rem]">
        <TableHeader>
          <TableRow>
            <TableHead>Order</TableHead>
            <TableHead>Placed</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Status</TableHead>
            <TableHead numeric>Total</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((order) => (
            <TableRow key={order.id} data-order={order.number}>
              <TableHead scope="row">{order.number}</TableHead>
              <TableCell className="text-ink-muted">{formatDateTime(order.createdAt)}</TableCell>
              <TableCell>
                {order.name}
                <span className="block text-ink-muted">
                  {order.email}
                  {order.hasAccount ? " · account" : ""}
                </span>
              </TableCell>
              <TableCell>{orderStatusText[order.status] ?? order.status}</TableCell>
              <TableCell numeric>{formatMoney({ amount: order.totalAmount, currency: order.currency })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
