import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetails } from "@/components/shop/order-details";
import { TokenLimitNotice } from "@/components/shop/token-limit-notice";
import { getOrderById } from "@/db/queries/orders";
import { verifyOrderToken } from "@/lib/orders/order-link";
import { guardTokenCheck } from "@/lib/privacy/rate-limit";

export const metadata: Metadata = { title: "Your order", robots: { index: false }, referrer: "no-referrer" };
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const token = typeof query.token === "string" ? query.token : null;
  // No valid link, no order: the same 404 as for an order that does not exist.
  const check = await guardTokenCheck(verifyOrderToken(id, token));
  if (check === "limited") return <TokenLimitNotice />;
  if (check === "invalid") notFound();
  const order = await getOrderById(id);
  if (!order) notFound();


  return (
    <div className="container-page max-w-3xl py-8 md:py-12">
      <p className="text-sm font-medium uppercase tracking-widest text-accent-700">Order {order.number}</p>
      <h1 className="mt-2 text-3xl md:text-4xl">Thank you, {order.shipping.name.split(" ")[0]}</h1>
      <p className="mt-3 text-ink-muted">
        We have emailed a confirmation to {order.email}. Keep its link: it is how you come back to this page.
      </p>

      <OrderDetails order={order} />
    </div>
  );
}
