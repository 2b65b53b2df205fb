import "server-only";
import { cartExists, claimCartForUser, createCart } from "@/db/queries/cart";
import { getSessionUser } from "@/lib/auth/session";
import { readCartId, setCartCookies } from "./session";

/**
 * For actions that put something in the cart: the browser's cart; else, for a signed-in
 * person, their saved cart (so a second device adds to the same one); else a new cart, owned
 * by the person when signed in. (Kept apart from ./session, which Auth.js's events import.)
 */
export async function getOrCreateCartId(): Promise<string> {
  const existing = await readCartId();
  if (existing && (await cartExists(existing))) return existing;
  const user = await getSessionUser();
  const id = (user ? await claimCartForUser(user.id, null) : null) ?? (await createCart(user?.id ?? null));
  await setCartCookies(id);
  return id;
}
