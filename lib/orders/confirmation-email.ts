import "server-only";
import { createElement } from "react";
import { getOrderById } from "@/db/queries/orders";
import { sendEmail } from "@/lib/email/send";
import { OrderConfirmationEmail } from "@/lib/email/templates/order-confirmation";
import { siteUrl } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { defaultPaymentProvider, paymentProviders } from "@/lib/payments/provider";
import { orderPath } from "./order-link";

/**
 * The order confirmation, built from the order as stored. Every attempt for one order carries
 * the same idempotency key, so a retry after a crash mid-send is delivered once by the provider.
 * Throws when the provider refuses it (the outbox then retries).
 */
export async function sendOrderConfirmation(orderId: string): Promise<"sent" | "no_order"> {
  const order = await getOrderById(orderId);
  if (!order) return "no_order";
  const provider = paymentProviders[order.paymentProvider] ?? defaultPaymentProvider;
  const origin = siteUrl();
  await sendEmail({
    to: order.email,
    subject: `Your order ${order.number}`,
    template: "order-confirmation",
    reason: `You placed order ${order.number}.`,
    category: "transactional",
    idempotencyKey: `order-confirmation:${order.id}`,
    react: createElement(OrderConfirmationEmail, {
      order,
      orderUrl: `${origin}${orderPath(order.id)}`,
      siteUrl: origin,
      payment: provider.nextStep({ number: order.number, total: formatMoney({ amount: order.totals.total, currency: order.currency }) }),
    }),
  });
  return "sent";
}
