"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addToCart, countCartItems, removeCartItem, setCartItemQuantity, type CartChange } from "@/db/queries/cart";
import { publicFormAction } from "@/lib/actions";
import { currentCartId, getOrCreateCartId } from "@/lib/cart/current-cart";
import { setCartCountCookie } from "@/lib/cart/session";
import { AppError } from "@/lib/errors";
import { addToCartSchema, removeCartItemSchema, updateCartItemSchema } from "@/lib/validations/cart";

/*
 * Cart actions. An action only ever touches the cart the caller may use: a guest cart named by
 * their own cookie, or their own saved cart when signed in (lib/cart/current-cart.ts).
 */

async function afterChange(cartId: string) {
  await setCartCountCookie(await countCartItems(cartId));
  revalidatePath("/cart");
}

function limitMessage(change: CartChange & { ok: true }) {
  if (change.limitedTo === "stock") return `Only ${change.quantity} left, so that is how many are in your cart.`;
  if (change.limitedTo === "maximum") return `You can have up to ${change.quantity} of one item in your cart.`;
  return undefined;
}

export const addToCartAction = publicFormAction(addToCartSchema, async ({ variantId, quantity }) => {
  const cartId = await getOrCreateCartId();
  const change = await addToCart(cartId, variantId, quantity);
  if (!change.ok) throw new AppError(change.code === "sold_out" ? "conflict" : "not_found", change.message);
  await afterChange(cartId);
  const note = limitMessage(change);
  redirect(note ? `/cart?note=${change.limitedTo}` : "/cart");
});

export const updateCartItemAction = publicFormAction(updateCartItemSchema, async ({ variantId, quantity }) => {
  const cartId = await currentCartId();
  if (!cartId) throw new AppError("not_found", "Your cart has expired. Please add the item again.");
  const change = await setCartItemQuantity(cartId, variantId, quantity);
  if (!change.ok) throw new AppError(change.code === "sold_out" ? "conflict" : "not_found", change.message);
  await afterChange(cartId);
  return { quantity: change.quantity, message: limitMessage(change) };
});

export const removeCartItemAction = publicFormAction(removeCartItemSchema, async ({ variantId }) => {
  const cartId = await currentCartId();
  if (!cartId) throw new AppError("not_found", "Your cart has expired.");
  await removeCartItem(cartId, variantId);
  await afterChange(cartId);
  return { removed: variantId };
});
