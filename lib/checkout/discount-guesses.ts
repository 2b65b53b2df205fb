import "server-only";
import { AppError } from "@/lib/errors";
import { clientKey, limitOf, rateLimitBuckets, reserveRateLimit, type RateLimit } from "@/lib/privacy/rate-limit";

export const DISCOUNT_LIMIT_MESSAGE = "Too many discount codes were tried. Please try again in an hour, or remove the code to order now.";

/** The discount-guess limits for a cart and the client asking (lib/privacy/abuse-limits.ts). */
export async function discountGuessLimits(cartId: string): Promise<RateLimit[]> {
  return [
    limitOf("discountGuessesPerClient", rateLimitBuckets.discountClient, await clientKey(), true),
    limitOf("discountGuessesPerCart", rateLimitBuckets.discountCart, cartId),
  ];
}

/**
 * Judges a code only within the guess limits: the attempt is counted first (locked, so a burst
 * cannot slip past), and forgotten again when the code was right. Over the limit the code is
 * not judged at all, so a right guess cannot be told from a wrong one. Used by both ways a code
 * is tried: the preview on /checkout?code= and placing the order.
 */
export async function judgeDiscountCode<T>(cartId: string, judge: () => Promise<T>, wasWrong: (result: T) => boolean): Promise<T> {
  const { limited, release } = await reserveRateLimit(await discountGuessLimits(cartId));
  if (limited) throw new AppError("rate_limited", DISCOUNT_LIMIT_MESSAGE, { discountCode: [DISCOUNT_LIMIT_MESSAGE] });
  const result = await judge();
  if (!wasWrong(result)) await release();
  return result;
}
