"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addToCart, getCart, removeCartItem, setCartItemQuantity, type CartChange } from "@/db/queries/cart";
import { formAction } from "@/lib/actions";
import { getOrCreateCartId } from "@/lib/cart/current-cart";
import { readCartId, setCartCountCookie } from "@/lib/cart/session";
import { AppError } from "@/lib/errors";
import { addToCartSchema, removeCartItemSchema, updateCartItemSchema } from "@/lib/validations/cart";

/*
 * Cart actions. The cart belongs to whoever holds its cookie, so the check is the cookie
 * itself: an action only ever touches the cart named by the caller's own cookie.
 */

async function afterChange(cartId: string) {
  const cart = await getCart(cartId);
  await setCartCountCookie(cart?.itemCount ?? 0);
  revalidatePath("/cart");
}

function limitMessage(change: CartChange & { ok: true }) {
  if (change.limitedTo === "stock") return `Only ${change.quantity} left, so that is how many are in your cart.`;
  if (change.limitedTo === "maximum") return `You can have up to ${change.quantity} of one item in your cart.`;
  return undefined;
}

export const addToCartAction = formAction(addToCartSchema, async ({ variantId, quantity }) => {
  const cartId = await getOrCreateCartId();
  const change = await addToCart(cartId, variantId, quantity);
  if (!change.ok) throw new AppError(change.code === "sold_out" ? "conflict" : "not_found", change.message);
  await afterChange(cartId);
  const note = limitMessage(change);
  redirect(note ? `/cart?note=${change.limitedTo}` : "/cart");
});

export const updateCartItemAction = formAction(updateCartItemSchema, async ({ variantId, quantity }) => {
  const cartId = await readCartId();
  if (!cartId) throw new AppError("not_found", "Your cart has expired. Please add the item again.");
  const change = await setCartItemQuantity(cartId, variantId, quantity);
  if (!change.ok) throw new AppError(change.code === "sold_out" ? "conflict" : "not_found", change.message);
  await afterChange(cartId);
  return { quantity: change.quantity, message: limitMessage(change) };
});

export const removeCartItemAction = formAction(removeCartItemSchema, async ({ variantId }) => {
  const cartId = await readCartId();
  if (!cartId) throw new AppError("not_found", "Your cart has expired.");
  await removeCartItem(cartId, variantId);
  await afterChange(cartId);
  return { removed: variantId };
});
