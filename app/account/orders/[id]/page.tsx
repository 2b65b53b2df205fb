import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/shop/order-details";
import { getOrderById } from "@/db/queries/orders";
import { requireUserForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Order" };
export const instant = false;

export default async function AccountOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUserForPage(`/account/orders/${encodeURIComponent(id)}`);
  // Ownership is in the query: someone else's order is the same 404 as no order.
  const order = await getOrderById(id, { ownerId: user.id });
  if (!order) notFound();
  return (
    <div>
      <Link href="/account/orders" className="text-sm text-ink-muted underline underline-offset-4">
        ← All orders
      </Link>
      <h1 className="mt-3 text-3xl md:text-4xl">Order {order.number}</h1>
      <p className="mt-2 text-ink-muted">Placed on {formatDate(order.createdAt)}.</p>
      <OrderDetails order={order} />
    </div>
  );
}
