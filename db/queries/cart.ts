import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "../index";
import { cartItems, carts, MAX_LINE_QUANTITY } from "../schema";
import { variantTitle } from "@/lib/catalog/variants";

export { MAX_LINE_QUANTITY };

export type CartLineDto = {
  variantId: number;
  sku: string;
  productSlug: string;
  productTitle: string;
  variantTitle: string;
  quantity: number;
  /** Always the catalogue's current price, never one stored with the cart. */
  unitPrice: number;
  currency: string;
  stock: number;
  image: { src: string; alt: string; width: number; height: number } | null;
  /** Why this line cannot be checked out as it is, or null when it can. */
  problem: "sold_out" | "unavailable" | "not_enough_stock" | null;
};

export type CartDto = { id: string; lines: CartLineDto[]; itemCount: number; subtotal: number; currency: string; checkoutReady: boolean };

export type CartChange =
  | { ok: true; quantity: number; limitedTo?: "stock" | "maximum" }
  | { ok: false; code: "not_found" | "sold_out"; message: string };

/** A new cart; `userId` makes it that person's saved cart (one per person). */
export async function createCart(userId: string | null = null): Promise<string> {
  if (userId) {
    // Two first adds at once from two devices: both end up in the one saved cart.
    const [row] = await getDb()
      .insert(carts)
      .values({ userId })
      .onConflictDoUpdate({ target: carts.userId, set: { updatedAt: sql`now()` } })
      .returning({ id: carts.id });
    return row!.id;
  }
  const [row] = await getDb().insert(carts).values({}).returning({ id: carts.id });
  return row!.id;
}

/**
 * Whether this visitor may use the cart: a guest cart (no owner) by whoever holds its cookie;
 * a saved cart only by its owner's session. The next person at a shared browser, or a device
 * signed out by "sign out everywhere else", keeps the cookie but not the cart.
 */
export async function cartUsableBy(cartId: string, userId: string | null): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.id, cartId), userId ? or(isNull(carts.userId), eq(carts.userId, userId)) : isNull(carts.userId)))
    .limit(1);
  return Boolean(row);
}

/** How many items a cart holds (for the header's count cookie); 0 for no cart. */
export async function countCartItems(cartId: string): Promise<number> {
  const [row] = await getDb().select({ n: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` }).from(cartItems).where(eq(cartItems.cartId, cartId));
  return row?.n ?? 0;
}

/** The cart with current prices and stock, or null when it does not exist or is not the viewer's. */
export async function getCart(cartId: string, viewerId: string | null): Promise<CartDto | null> {
  if (!(await cartUsableBy(cartId, viewerId))) return null;
  const rows = await getDb().execute<{
    variant_id: number;
    sku: string;
    slug: string;
    title: string;
    status: string;
    options: Record<string, string>;
    option_names: string[];
    quantity: number;
    price_amount: number;
    currency: string;
    stock: number;
    image_src: string | null;
    image_alt: string | null;
    image_width: number | null;
    image_height: number | null;
  }>(sql`
    select ci.variant_id, v.sku, p.slug, p.title, p.status, v.options, p.option_names, ci.quantity, v.price_amount, v.currency, v.stock,
      img.src as image_src, img.alt as image_alt, img.width as image_width, img.height as image_height
    from cart_items ci
    join product_variants v on v.id = ci.variant_id
    join products p on p.id = v.product_id
    left join lateral (select src, alt, width, height from product_images i where i.product_id = p.id order by position, id limit 1) img on true
    where ci.cart_id = ${cartId}
    order by ci.added_at, ci.variant_id`);
  const lines: CartLineDto[] = rows.map((r) => ({
    variantId: r.variant_id,
    sku: r.sku,
    productSlug: r.slug,
    productTitle: r.title,
    variantTitle: variantTitle(r.option_names, r.options),
    quantity: r.quantity,
    unitPrice: r.price_amount,
    currency: r.currency.trim(),
    stock: r.stock,
    image: r.image_src && r.image_width && r.image_height ? { src: r.image_src, alt: r.image_alt ?? "", width: r.image_width, height: r.image_height } : null,
    problem: r.status !== "published" ? "unavailable" : r.stock <= 0 ? "sold_out" : r.stock < r.quantity ? "not_enough_stock" : null,
  }));
  return {
    id: cartId,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0),
    currency: lines[0]?.currency ?? "GBP",
    checkoutReady: lines.length > 0 && lines.every((l) => l.problem === null),
  };
}

async function sellableVariant(variantId: number) {
  const [row] = await getDb().execute<{ stock: number }>(sql`
    select v.stock from product_variants v join products p on p.id = v.product_id
    where v.id = ${variantId} and p.status = 'published'`);
  return row ?? null;
}

/**
 * Adds to a line, capped by the stock on hand and by MAX_LINE_QUANTITY; the result says
 * when it was capped so the shopper can be told. A sold-out variant cannot be added.
 */
export async function addToCart(cartId: string, variantId: number, quantity: number): Promise<CartChange> {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError("Quantity must be a whole number of at least 1");
  const variant = await sellableVariant(variantId);
  if (!variant) return { ok: false, code: "not_found", message: "That item is no longer sold." };
  if (variant.stock <= 0) return { ok: false, code: "sold_out", message: "Sorry, that one has sold out." };
  const cap = Math.min(variant.stock, MAX_LINE_QUANTITY);
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)))
      .for("update");
    const wanted = (existing?.quantity ?? 0) + quantity;
    const next = Math.min(wanted, cap);
    await tx
      .insert(cartItems)
      .values({ cartId, variantId, quantity: next })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity: next } });
    await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId));
    return limitResult(next, wanted, variant.stock);
  });
}

function limitResult(quantity: number, wanted: number, stock: number): CartChange {
  if (quantity >= wanted) return { ok: true, quantity };
  return { ok: true, quantity, limitedTo: stock < MAX_LINE_QUANTITY ? "stock" : "maximum" };
}

/** Sets a line's quantity; 0 removes it. Capped like addToCart. */
export async function setCartItemQuantity(cartId: string, variantId: number, quantity: number): Promise<CartChange> {
  if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError("Quantity must be a whole number of at least 0");
  if (quantity === 0) {
    await removeCartItem(cartId, variantId);
    return { ok: true, quantity: 0 };
  }
  const variant = await sellableVariant(variantId);
  if (!variant) return { ok: false, code: "not_found", message: "That item is no longer sold." };
  if (variant.stock <= 0) return { ok: false, code: "sold_out", message: "Sorry, that one has sold out." };
  const cap = Math.min(variant.stock, MAX_LINE_QUANTITY);
  const next = Math.min(quantity, cap);
  const updated = await getDb()
    .update(cartItems)
    .set({ quantity: next })
    .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)))
    .returning({ quantity: cartItems.quantity });
  if (updated.length === 0) return { ok: false, code: "not_found", message: "That item is not in your cart." };
  await touch(cartId);
  return limitResult(next, quantity, variant.stock);
}

export async function removeCartItem(cartId: string, variantId: number) {
  await getDb().delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)));
  await touch(cartId);
}

/** Empties a cart; called only after its order has committed. */
export async function clearCart(cartId: string) {
  await getDb().delete(cartItems).where(eq(cartItems.cartId, cartId));
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Adds one cart's lines to another, capped like addToCart, then deletes the first. */
async function moveCartLines(tx: Tx, fromCartId: string, intoCartId: string) {
  await tx.execute(sql`
    insert into cart_items (cart_id, variant_id, quantity, added_at)
    select ${intoCartId}, ci.variant_id, least(ci.quantity, greatest(v.stock, 1), ${MAX_LINE_QUANTITY}), ci.added_at
    from cart_items ci join product_variants v on v.id = ci.variant_id
    where ci.cart_id = ${fromCartId}
    on conflict (cart_id, variant_id) do update
      set quantity = least(cart_items.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`);
  await tx.delete(carts).where(eq(carts.id, fromCartId));
}

/** Moves a guest cart's lines into another cart in one transaction, so nothing is half-merged. */
export async function mergeCarts(fromCartId: string, intoCartId: string) {
  if (fromCartId === intoCartId) return;
  await getDb().transaction((tx) => moveCartLines(tx, fromCartId, intoCartId));
}

/**
 * On sign-in: the guest cart's lines join the person's saved cart (or the guest cart becomes
 * their saved cart). Returns the cart id the browser should keep, or null when there is none.
 * A cart that belongs to someone else is never touched.
 */
export async function claimCartForUser(userId: string, guestCartId: string | null): Promise<string | null> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cart-owner:${userId}`}))`);
    const [saved] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).limit(1);
    const [guest] = guestCartId ? await tx.select({ id: carts.id, userId: carts.userId }).from(carts).where(eq(carts.id, guestCartId)).for("update") : [];
    const usableGuest = guest && (guest.userId === null || guest.userId === userId) ? guest : undefined;
    if (!saved) {
      if (!usableGuest) return null;
      await tx.update(carts).set({ userId, updatedAt: sql`now()` }).where(eq(carts.id, usableGuest.id));
      return usableGuest.id;
    }
    if (usableGuest && usableGuest.id !== saved.id) {
      await moveCartLines(tx, usableGuest.id, saved.id);
      await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, saved.id));
    }
    return saved.id;
  });
}

async function touch(cartId: string) {
  await getDb().update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId));
}
