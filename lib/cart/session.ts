import "server-only";
import { cookies } from "next/headers";
import { countCartItems } from "@/db/queries/cart";
import { CART_COOKIE, CART_COOKIE_DAYS, CART_COUNT_COOKIE } from "./cookies";

/**
 * The cart is found by a random id in an httpOnly cookie (scripts cannot read it). A second,
 * readable cookie carries only the item count so the header can show it without making every
 * cached page render per visitor.
 */
export { CART_COOKIE, CART_COUNT_COOKIE };
const MAX_AGE = 60 * 60 * 24 * CART_COOKIE_DAYS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const secure = () => process.env.NODE_ENV === "production" && !process.env.SITE_URL?.startsWith("http://");

/** The visitor's cart id, if the cookie holds a well-formed one. Never creates a cart. */
export async function readCartId(): Promise<string | null> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  return value && UUID.test(value) ? value : null;
}

export async function setCartCountCookie(count: number) {
  const jar = await cookies();
  if (count > 0) jar.set(CART_COUNT_COOKIE, String(count), { httpOnly: false, sameSite: "lax", secure: secure(), path: "/", maxAge: MAX_AGE });
  else jar.delete(CART_COUNT_COOKIE);
}

/** Points the browser at a cart (after sign-in) or forgets it (after sign-out). */
export async function setCartCookies(cartId: string | null) {
  const jar = await cookies();
  if (!cartId) {
    jar.delete(CART_COOKIE);
    jar.delete(CART_COUNT_COOKIE);
    return;
  }
  jar.set(CART_COOKIE, cartId, { httpOnly: true, sameSite: "lax", secure: secure(), path: "/", maxAge: MAX_AGE });
  await setCartCountCookie(await countCartItems(cartId));
}
