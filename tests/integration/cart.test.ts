import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { upsertUserWithRole } from "@/db/queries/accounts";
import { addToCart, cartUsableBy, claimCartForUser, clearCart, createCart, getCart, MAX_LINE_QUANTITY, mergeCarts, removeCartItem, setCartItemQuantity } from "@/db/queries/cart";
import { testSql } from "../support/sql";

const sql = testSql();
afterAll(async () => {
  await sql`delete from products where slug like 'cart-test-%'`;
  await sql.end();
});

async function makeVariant(stock: number, price = 1800) {
  const slug = `cart-test-${randomUUID().slice(0, 8)}`;
  const [product] = await sql`insert into products (slug, title, status, option_names) values (${slug}, ${`Cart test ${slug}`}, 'published', '["Colour","Size"]') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${slug.toUpperCase()}, '{"Colour":"Moss","Size":"M"}', ${price}, 'GBP', ${stock}) returning id`;
  return { id: variant!.id as number, productId: product!.id as number };
}

describe("the cart", () => {
  it("adds, changes and removes lines, always at the current catalogue price", async () => {
    const cart = await createCart();
    const a = await makeVariant(10, 1800);
    const b = await makeVariant(10, 500);
    expect(await addToCart(cart, a.id, 1)).toEqual({ ok: true, quantity: 1 });
    expect(await addToCart(cart, a.id, 2)).toEqual({ ok: true, quantity: 3 });
    await addToCart(cart, b.id, 1);
    let view = await getCart(cart, null);
    expect(view?.lines.map((l) => [l.variantTitle, l.quantity])).toEqual([["Moss / M", 3], ["Moss / M", 1]]);
    expect(view?.subtotal).toBe(3 * 1800 + 500);
    expect(view?.itemCount).toBe(4);

    // The merchant changes a price: the cart shows the new one.
    await sql`update product_variants set price_amount = 2000 where id = ${a.id}`;
    view = await getCart(cart, null);
    expect(view?.subtotal).toBe(3 * 2000 + 500);

    expect(await setCartItemQuantity(cart, a.id, 2)).toEqual({ ok: true, quantity: 2 });
    expect(await setCartItemQuantity(cart, b.id, 0)).toEqual({ ok: true, quantity: 0 });
    await removeCartItem(cart, a.id);
    expect((await getCart(cart, null))?.lines).toEqual([]);
  });

  it("caps quantities by stock and by the per-line maximum, and says so", async () => {
    const cart = await createCart();
    const few = await makeVariant(3);
    const many = await makeVariant(500);
    expect(await addToCart(cart, few.id, 5)).toEqual({ ok: true, quantity: 3, limitedTo: "stock" });
    expect(await addToCart(cart, many.id, 999)).toEqual({ ok: true, quantity: MAX_LINE_QUANTITY, limitedTo: "maximum" });
    expect(await setCartItemQuantity(cart, few.id, 50)).toEqual({ ok: true, quantity: 3, limitedTo: "stock" });
    await expect(addToCart(cart, few.id, -1)).rejects.toThrow(RangeError);
    await expect(addToCart(cart, few.id, 0)).rejects.toThrow(RangeError);
  });

  it("refuses sold-out and unknown variants, and flags lines that sold out since", async () => {
    const cart = await createCart();
    const v = await makeVariant(2);
    expect(await addToCart(cart, 99_999_999, 1)).toMatchObject({ ok: false, code: "not_found" });
    await addToCart(cart, v.id, 2);
    expect((await getCart(cart, null))?.checkoutReady).toBe(true);

    await sql`update product_variants set stock = 1 where id = ${v.id}`;
    expect((await getCart(cart, null))?.lines[0]?.problem).toBe("not_enough_stock");
    await sql`update product_variants set stock = 0 where id = ${v.id}`;
    let view = await getCart(cart, null);
    expect(view?.lines[0]?.problem).toBe("sold_out");
    expect(view?.checkoutReady).toBe(false);
    expect(await addToCart(cart, v.id, 1)).toMatchObject({ ok: false, code: "sold_out" });

    await sql`update product_variants set stock = 5 where id = ${v.id}`;
    await sql`update products set status = 'draft' where id = ${v.productId}`;
    view = await getCart(cart, null);
    expect(view?.lines[0]?.problem).toBe("unavailable");
    expect(view?.checkoutReady).toBe(false);
  });

  it("merges a guest cart into another, adding quantities within the caps", async () => {
    const guest = await createCart();
    const mine = await createCart();
    const a = await makeVariant(10);
    const b = await makeVariant(10);
    await addToCart(guest, a.id, 2);
    await addToCart(guest, b.id, 1);
    await addToCart(mine, a.id, 3);
    await mergeCarts(guest, mine);
    const view = await getCart(mine, null);
    expect(view?.lines.map((l) => [l.variantId, l.quantity]).sort()).toEqual([[a.id, 5], [b.id, 1]].sort());
    expect(await getCart(guest, null)).toBeNull();
  });

  it("an unknown cart id is no cart, and clearing leaves the cart itself", async () => {
    expect(await getCart(randomUUID(), null)).toBeNull();
    const cart = await createCart();
    await addToCart(cart, (await makeVariant(5)).id, 1);
    await clearCart(cart);
    expect((await getCart(cart, null))?.lines).toEqual([]);
  });
});

describe("a signed-in shopper's saved cart", () => {
  it("is one cart per person, even when two devices start it at once, and takes in the guest cart on sign-in", async () => {
    const { user } = await upsertUserWithRole(`saved-cart-${randomUUID().slice(0, 8)}@cart.test`, "customer");
    const [a, b] = await Promise.all([createCart(user.id), createCart(user.id)]);
    expect(a).toBe(b);
    const item = await makeVariant(10);
    await addToCart(a, item.id, 1);

    const guest = await createCart();
    await addToCart(guest, item.id, 2);
    expect(await claimCartForUser(user.id, guest)).toBe(a);
    expect((await getCart(a, user.id))?.itemCount).toBe(3);
    expect(await getCart(guest, user.id)).toBeNull();

    // Someone else's saved cart is never claimed as a "guest" cart.
    const { user: other } = await upsertUserWithRole(`other-cart-${randomUUID().slice(0, 8)}@cart.test`, "customer");
    expect(await claimCartForUser(other.id, a)).toBeNull();
    expect((await getCart(a, user.id))?.itemCount).toBe(3);
  });

  it("is used only by its owner's session: the next person at the browser, signed out or signed in as someone else, gets no cart", async () => {
    const { user } = await upsertUserWithRole(`owned-cart-${randomUUID().slice(0, 8)}@cart.test`, "customer");
    const { user: next } = await upsertUserWithRole(`next-person-${randomUUID().slice(0, 8)}@cart.test`, "customer");
    const saved = await createCart(user.id);
    await addToCart(saved, (await makeVariant(10)).id, 2);
    expect(await cartUsableBy(saved, user.id)).toBe(true);
    expect(await cartUsableBy(saved, null)).toBe(false);
    expect(await cartUsableBy(saved, next.id)).toBe(false);
    expect(await getCart(saved, null)).toBeNull();
    expect(await getCart(saved, next.id)).toBeNull();
    expect((await getCart(saved, user.id))?.itemCount).toBe(2);
    // A guest cart is anyone's who holds its cookie, signed in or not.
    const guest = await createCart();
    expect(await cartUsableBy(guest, null)).toBe(true);
    expect(await cartUsableBy(guest, next.id)).toBe(true);
  });
});
