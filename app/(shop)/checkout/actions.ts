"use server";

import { redirect } from "next/navigation";
import { clearCart } from "@/db/queries/cart";
import { placeOrder } from "@/db/queries/orders";
import { publicFormAction } from "@/lib/actions";
import { currentLanding } from "@/lib/attribution/current";
import { checkoutNewsletterWording } from "@/lib/consent/purposes";
import { startNewsletterSignup } from "@/lib/newsletter/signup";
import { currentCart } from "@/lib/cart/current-cart";
import { setCartCountCookie } from "@/lib/cart/session";
import { refreshStockShownAfterOrder } from "@/lib/catalog/mutations";
import { AppError } from "@/lib/errors";
import { judgeDiscountCode } from "@/lib/checkout/discount-guesses";
import { orderPath } from "@/lib/orders/order-link";
import { clientKey, limitOf, rateLimitBuckets, reserveRateLimit } from "@/lib/privacy/rate-limit";
import { defaultPaymentProvider } from "@/lib/payments/provider";
import { checkoutSchema } from "@/lib/validations/checkout";

/**
 * Places the order for the cart named by the caller's own cookie. Anyone may check out as a
 * guest; the only thing a request can affect is its own cart.
 */
export const placeOrderAction = publicFormAction(checkoutSchema, async (input) => {
  const { cart, user } = await currentCart();
  if (!cart || cart.lines.length === 0) throw new AppError("not_found", "Your cart is empty, so there is nothing to order.");
  if (!cart.checkoutReady) throw new AppError("conflict", "Some items in your cart have sold out or changed. Please review your cart.");

  // Abuse limits (lib/privacy/abuse-limits.ts), counted before anything is written: checkout
  // attempts per client and per cart, then the discount code as a guess (lib/checkout/discount-guesses.ts).
  const { limited } = await reserveRateLimit([
    limitOf("checkoutPerClient", rateLimitBuckets.checkoutClient, await clientKey(), true),
    limitOf("checkoutPerCart", rateLimitBuckets.checkoutCart, String(cart.id)),
  ]);
  if (limited) throw new AppError("rate_limited", "There have been many attempts to place this order in a short time. Please wait an hour and try again. Nothing was ordered.");

  const landing = await currentLanding();
  const order = () => placeOrder({
    idempotencyKey: input.idempotencyKey,
    email: input.email,
    shipping: { name: input.name, line1: input.line1, line2: input.line2, city: input.city, postalCode: input.postalCode, country: input.country },
    shippingMethod: input.shippingMethod,
    discountCode: input.discountCode,
    items: cart.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    newsletterOptIn: input.newsletter,
    paymentProvider: defaultPaymentProvider.id,
    userId: user?.id ?? null,
    landing,
  });
  const result = input.discountCode ? await judgeDiscountCode(String(cart.id), order, (r) => !r.ok && r.code === "discount_invalid") : await order();
  if (!result.ok) {
    if (result.code === "discount_invalid") throw new AppError("invalid", result.message, { discountCode: [result.message] });
    throw new AppError(result.code === "sold_out" || result.code === "conflict" ? "conflict" : "invalid", result.message);
  }

  // The order is committed: only now is the cart emptied.
  await clearCart(cart.id);
  await setCartCountCookie(0);
  if (!result.replayed) {
    await refreshStockShownAfterOrder(result.stockAfter);
    // The confirmation is owed in the outbox (written with the order); the worker sends it.
    // The subscription joins the buyer's account only when the order uses the account's own
    // address (proven by the magic link they signed in with), never a stranger's.
    if (input.newsletter) await startCheckoutSignup(input.email, user && user.email === input.email ? user.id : null);
  }
  redirect(orderPath(result.order.id));
});

/** The ticked box starts a double opt-in; whatever happens to it, the order stands. */
async function startCheckoutSignup(email: string, userId: string | null) {
  try {
    await startNewsletterSignup({ email, topics: [...checkoutNewsletterWording.topics], source: "checkout", wordingId: checkoutNewsletterWording.id, userId, landing: await currentLanding() });
  } catch (error) {
    console.error("Checkout newsletter signup failed", error instanceof Error ? error.message : error);
  }
}
