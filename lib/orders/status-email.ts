import "server-only";
import { createElement } from "react";
import { getOrderById } from "@/db/queries/orders";
import type { OrderStatus } from "@/db/schema/orders";
import { sendEmail } from "@/lib/email/send";
import { OrderStatusEmail, orderStatusEmailWords, type OrderStatusEmailProps } from "@/lib/email/templates/order-status";
import { siteUrl } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { orderPath } from "./order-link";

/** The status an outbox kind ("order-status:shipped") is about, or null for another kind. */
export function statusOfEmailKind(kind: string): OrderStatusEmailProps["status"] | null {
  const status = kind.startsWith("order-status:") ? kind.slice("order-status:".length) : "";
  return status in orderStatusEmailWords ? (status as OrderStatusEmailProps["status"]) : null;
}

/**
 * Tells the shopper their order reached `status`, built from the order as stored when it is
 * sent (the carrier and tracking number of its shipment, the amount refunded). One idempotency
 * key per order and status, so an outbox retry is delivered once. Throws when the provider
 * refuses it (the outbox then retries).
 */
export async function sendOrderStatusEmail(orderId: string, status: OrderStatus): Promise<"sent" | "no_order"> {
  if (status === "awaiting_payment") return "no_order";
  const order = await getOrderById(orderId);
  if (!order) return "no_order";
  const origin = siteUrl();
  const words = orderStatusEmailWords[status];
  await sendEmail({
    to: order.email,
    subject: words.subject(order.number),
    template: `order-status-${status}`,
    reason: `Your order ${order.number} changed: ${words.heading.toLowerCase()}.`,
    category: "transactional",
    idempotencyKey: `order-status:${status}:${order.id}`,
    react: createElement(OrderStatusEmail, {
      status,
      orderNumber: order.number,
      orderUrl: `${origin}${orderPath(order.id)}`,
      siteUrl: origin,
      shipment: order.shipment,
      refundedAmount: order.refundedAmount > 0 ? formatMoney({ amount: order.refundedAmount, currency: order.currency }) : null,
    }),
  });
  return "sent";
}
