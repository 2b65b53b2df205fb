import "server-only";
import { cartUsableBy, claimCartForUser, createCart, getCart } from "@/db/queries/cart";
import { getSessionUser } from "@/lib/auth/session";
import { readCartId, setCartCookies } from "./session";

/*
 * The visitor's cart. The cookie names a cart, but it is only a credential for a guest cart: a
 * cart saved to an account is used only by that account's session. (Kept apart from ./session,
 * which Auth.js's events import.)
 */

/** The id of the cart this visitor may use, or null. Never creates one. */
export async function currentCartId(): Promise<string | null> {
  const cartId = await readCartId();
  if (!cartId) return null;
  const user = await getSessionUser();
  return (await cartUsableBy(cartId, user?.id ?? null)) ? cartId : null;
}

/** The visitor's cart with prices and stock, and who they are. */
export async function currentCart() {
  const [cartId, user] = await Promise.all([readCartId(), getSessionUser()]);
  const cart = cartId ? await getCart(cartId, user?.id ?? null) : null;
  return { cart, user };
}

/**
 * For actions that put something in the cart: the browser's cart if this visitor may use it;
 * else, for a signed-in person, their saved cart (so a second device adds to the same one);
 * else a new cart, owned by the person when signed in.
 */
export async function getOrCreateCartId(): Promise<string> {
  const existing = await currentCartId();
  if (existing) return existing;
  const user = await getSessionUser();
  const id = (user ? await claimCartForUser(user.id, null) : null) ?? (await createCart(user?.id ?? null));
  await setCartCookies(id);
  return id;
}
