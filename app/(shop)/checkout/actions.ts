"use server";

import { createElement } from "react";
import { redirect } from "next/navigation";
import { clearCart, getCart } from "@/db/queries/cart";
import { getOrderById, placeOrder } from "@/db/queries/orders";
import { formAction } from "@/lib/actions";
import { getSessionUser } from "@/lib/auth/session";
import { checkoutNewsletterWording } from "@/lib/consent/purposes";
import { startNewsletterSignup } from "@/lib/newsletter/signup";
import { readCartId, setCartCountCookie } from "@/lib/cart/session";
import { sendEmail } from "@/lib/email/send";
import { OrderConfirmationEmail } from "@/lib/email/templates/order-confirmation";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { orderPath } from "@/lib/orders/order-link";
import { defaultPaymentProvider, paymentProviders } from "@/lib/payments/provider";
import { checkoutSchema } from "@/lib/validations/checkout";

/**
 * Places the order for the cart named by the caller's own cookie. Anyone may check out as a
 * guest; the only thing a request can affect is its own cart.
 */
export const placeOrderAction = formAction(checkoutSchema, async (input) => {
  const [cartId, user] = await Promise.all([readCartId(), getSessionUser()]);
  const cart = cartId ? await getCart(cartId) : null;
  if (!cart || cart.lines.length === 0) throw new AppError("not_found", "Your cart is empty, so there is nothing to order.");
  if (!cart.checkoutReady) throw new AppError("conflict", "Some items in your cart have sold out or changed. Please review your cart.");

  const result = await placeOrder({
    idempotencyKey: input.idempotencyKey,
    email: input.email,
    shipping: { name: input.name, line1: input.line1, line2: input.line2, city: input.city, postalCode: input.postalCode, country: input.country },
    shippingMethod: input.shippingMethod,
    discountCode: input.discountCode,
    items: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    newsletterOptIn: input.newsletter,
    paymentProvider: defaultPaymentProvider.id,
    userId: user?.id ?? null,
  });
  if (!result.ok) {
    if (result.code === "discount_invalid") throw new AppError("invalid", result.message, { discountCode: [result.message] });
    throw new AppError(result.code === "sold_out" || result.code === "conflict" ? "conflict" : "invalid", result.message);
  }

  // The order is committed: only now is the cart emptied.
  await clearCart(cart.id);
  await setCartCountCookie(0);
  if (!result.replayed) {
    await sendConfirmation(result.order.id);
    if (input.newsletter) await startCheckoutSignup(input.email, user?.id ?? null);
  }
  redirect(orderPath(result.order.id));
});

/** The ticked box starts a double opt-in; whatever happens to it, the order stands. */
async function startCheckoutSignup(email: string, userId: string | null) {
  try {
    await startNewsletterSignup({ email, topics: [...checkoutNewsletterWording.topics], source: "checkout", wordingId: checkoutNewsletterWording.id, userId });
  } catch (error) {
    console.error("Checkout newsletter signup failed", error instanceof Error ? error.message : error);
  }
}

async function sendConfirmation(orderId: string) {
  const order = await getOrderById(orderId);
  if (!order) return;
  const provider = paymentProviders[order.paymentProvider] ?? defaultPaymentProvider;
  const origin = siteUrl();
  try {
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
  } catch (error) {
    // The order stands and the failed message is recorded; the page tells the shopper how to
    // reach it. Never fail an order because an email could not be sent.
    console.error(`Order ${order.number}: confirmation email failed`, error instanceof Error ? error.message : error);
  }
}
