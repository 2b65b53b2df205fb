import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * Suggestions against a real database: the candidate SQL over orders and the catalogue, and
 * the whole pipeline for one visitor (session, consent ledger, cart, orders). Only the session,
 * the cookies and Next's cache calls are replaced. Every product and collection here is the
 * test's own (rec-test-…), so the seeded shop and other files' orders cannot move the counts.
 */
type Person = { id: string; email: string; name: string | null; role: "customer" };
const visitor = vi.hoisted(() => ({ user: null as Person | null, cartId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => visitor.user, requireUser: async () => visitor.user }));
vi.mock("next/cache", () => ({ cacheLife: () => {}, cacheTag: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "hearth_cart" && visitor.cartId ? { name, value: visitor.cartId } : name === "hearth_cart_count" && visitor.cartId ? { name, value: "1" } : undefined),
  }),
  headers: async () => new Headers(),
}));

const sql = testSql();
const run = randomUUID().slice(0, 6);
const collectionSlug = `rec-test-${run}`;
let collectionId: number;

type Made = { productId: number; variantId: number; slug: string; title: string };
const made: Record<string, Made> = {};

async function makeProduct(key: string, { stock = 10, status = "published", rebuyAfterDays = null as number | null } = {}): Promise<Made> {
  const slug = `rec-test-${run}-${key}`;
  const title = `Test ${key}`;
  const [product] = await sql`insert into products (slug, title, status, rebuy_after_days) values (${slug}, ${title}, ${status}, ${rebuyAfterDays}) returning id`;
  const [variant] = await sql`insert into product_variants (product_id, sku, price_amount, currency, stock) values (${product!.id}, ${`REC-${run}-${key}`.toUpperCase()}, 1500, 'GBP', ${stock}) returning id`;
  await sql`insert into collection_products (collection_id, product_id) values (${collectionId}, ${product!.id})`;
  made[key] = { productId: product!.id, variantId: variant!.id, slug, title };
  return made[key]!;
}

/** An order straight in the table, as checkout leaves it. */
async function order(userId: string | null, keys: string[], { daysAgo = 1, status = "paid", quantity = 1 } = {}) {
  const [row] = await sql`
    insert into orders (email, user_id, status, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method,
      currency, subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, created_at)
    values (${`buyer-${randomUUID().slice(0, 6)}@rec.test`}, ${userId}, ${status}, 'Test Buyer', '1 Test Street', 'Leeds', 'LS1 1AA', 'GB', 'standard',
      'GBP', 1500, 0, 250, 1500, true, 'manual', ${`rec-${randomUUID()}`}, 'test', now() - make_interval(days => ${daysAgo}))
    returning id`;
  for (const key of keys) {
    const p = made[key]!;
    await sql`insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total)
      values (${row!.id}, ${p.variantId}, ${"REC"}, ${p.title}, '', 1500, ${quantity}, ${1500 * quantity})`;
  }
}

const load = async () => ({
  ...(await import("@/db/queries/recommendations")),
  ...(await import("@/lib/recommendations/recommend")),
  ...(await import("@/db/queries/consent")),
  ...(await import("@/db/queries/accounts")),
  ...(await import("@/db/queries/cart")),
});

async function shopper(label: string): Promise<Person> {
  const { upsertUserWithRole } = await load();
  const { user } = await upsertUserWithRole(`${label}-${run}@rec.test`, "customer");
  return { id: user.id, email: user.email, name: null, role: "customer" };
}

async function consent(userId: string, granted: boolean) {
  const { recordConsentChange } = await load();
  await recordConsentChange({ userId }, { purpose: "personalisation", granted, wordingId: "personalisation@test", source: "privacy-centre", method: "privacy_centre" });
}

let buyer: Person;

beforeAll(async () => {
  const [c] = await sql`insert into collections (slug, title) values (${collectionSlug}, ${`Test shelf ${run}`}) returning id`;
  collectionId = c!.id;
  // apron: what the shopper bought. napkins/tea-towels: bought with it by others. soldout: bought
  // with it most often, but no stock. draft: bought with it, unpublished. candle: a consumable.
  await makeProduct("apron");
  await makeProduct("napkins");
  await makeProduct("towels");
  await makeProduct("soldout", { stock: 0 });
  await makeProduct("draft", { status: "draft" });
  await makeProduct("candle", { rebuyAfterDays: 30 });
  await makeProduct("tin", { rebuyAfterDays: 30 });
  await makeProduct("quiet");

  // Other people's orders: the apron goes with napkins three times, towels once; the sold-out
  // and the draft product go with it most of all (and must never be suggested).
  for (let i = 0; i < 3; i++) await order(null, ["apron", "napkins"]);
  await order(null, ["apron", "towels"]);
  for (let i = 0; i < 5; i++) await order(null, ["apron", "soldout", "draft"]);
  // Best sellers of the shelf: apron (9 orders above, plus big quantities here) then the candle.
  await order(null, ["candle"], { quantity: 4 });
  // Too old for "popular" (over 90 days), and cancelled: neither counts.
  await order(null, ["quiet"], { daysAgo: 120, quantity: 50 });
  await order(null, ["quiet"], { status: "cancelled", quantity: 50 });

  buyer = await shopper("buyer");
  // The buyer's own orders: the apron (not a consumable), a candle 40 days ago (due: every 30
  // days), a tin 10 days ago (not yet due). Their own apron+quiet order must not count as
  // "people who bought it".
  await order(buyer.id, ["apron", "quiet"], { daysAgo: 5 });
  await order(buyer.id, ["candle"], { daysAgo: 40 });
  await order(buyer.id, ["tin"], { daysAgo: 10 });
});

afterAll(async () => {
  await sql`delete from orders where email like '%@rec.test'`;
  await sql`delete from products where slug like ${`rec-test-${run}-%`}`;
  await sql`delete from collections where slug = ${collectionSlug}`;
  await sql.end();
});

const slugsOf = (items: { product: { slug: string } }[]) => items.map((i) => i.product.slug);
const key = (k: string) => made[k]!.slug;

describe("candidate SQL", () => {
  it("best sellers of a collection: units of the last 90 days, never old or cancelled orders, never sold out or unpublished", async () => {
    const { listPopularProducts } = await load();
    const popular = await listPopularProducts(collectionSlug, 10);
    expect(popular.collection?.slug).toBe(collectionSlug);
    const sold = Object.fromEntries(popular.items.map((i) => [i.product.slug, i.unitsSold]));
    // apron: 10 units in nine other orders and the buyer's; candle: 4 + 1; napkins: 3.
    expect(slugsOf(popular.items).slice(0, 3)).toEqual([key("apron"), key("candle"), key("napkins")]);
    expect(sold[key("quiet")]).toBe(1); // only the buyer's own recent order, not the old or cancelled 50s
    expect(slugsOf(popular.items)).not.toContain(key("soldout"));
    expect(slugsOf(popular.items)).not.toContain(key("draft"));
  });

  it("an unknown or malformed collection gives nothing", async () => {
    const { listPopularProducts } = await load();
    expect((await listPopularProducts("no-such-shelf")).items).toEqual([]);
    expect((await listPopularProducts("../etc" as string)).items).toEqual([]);
  });

  it("bought together: ranked by how many other people's orders hold both, never sold out or unpublished, never the product itself", async () => {
    const { listBoughtTogether } = await load();
    const together = await listBoughtTogether([made.apron!.productId], buyer.id);
    expect(together.map((t) => [t.product.slug, t.orders])).toEqual([
      [key("napkins"), 3],
      [key("towels"), 1],
    ]);
    expect(together.every((t) => t.becauseProductId === made.apron!.productId)).toBe(true);
  });

  it("bought together leaves out the shopper's own orders", async () => {
    const { listBoughtTogether } = await load();
    const forBuyer = await listBoughtTogether([made.apron!.productId], buyer.id);
    expect(slugsOf(forBuyer)).not.toContain(key("quiet"));
    // For someone else, the buyer's apron+quiet order is other people's.
    const forOthers = await listBoughtTogether([made.apron!.productId], null);
    expect(slugsOf(forOthers)).toContain(key("quiet"));
  });

  it("a shopper's purchases: one row per product with the latest date, only their own", async () => {
    const { listPurchasedProducts } = await load();
    const bought = await listPurchasedProducts(buyer.id);
    expect(bought.map((b) => b.productId).sort()).toEqual([made.apron!, made.quiet!, made.candle!, made.tin!].map((m) => m.productId).sort());
    expect(bought.find((b) => b.productId === made.candle!.productId)?.rebuyAfterDays).toBe(30);
    expect(await listPurchasedProducts((await shopper("nobody")).id)).toEqual([]);
  });
});

describe("what a visitor is shown", () => {
  const onShelf = () => ({ page: "product" as const, productId: made.towels!.productId, collectionSlug });

  it("a guest gets the shelf's best sellers, never the product on the page, and nothing personal", async () => {
    const { recommendationsFor } = await load();
    visitor.user = null;
    visitor.cartId = null;
    const view = await recommendationsFor(onShelf());
    expect(view.personal).toBe(false);
    expect(view.items.every((c) => c.reason.kind === "popular")).toBe(true);
    expect(slugsOf(view.items)[0]).toBe(key("apron"));
    expect(slugsOf(view.items)).not.toContain(key("towels"));
    expect(view.collectionTitle).toBe(`Test shelf ${run}`);
  });

  it("a guest with a cart is never shown what is in it", async () => {
    const { recommendationsFor, createCart, addToCart } = await load();
    const cartId = await createCart(null);
    await addToCart(cartId, made.apron!.variantId, 1);
    visitor.user = null;
    visitor.cartId = cartId;
    const view = await recommendationsFor(onShelf());
    expect(view.personal).toBe(false);
    expect(slugsOf(view.items)).not.toContain(key("apron"));
    expect(slugsOf(view.items)[0]).toBe(key("candle"));
    visitor.cartId = null;
  });

  it("a shopper without the consent gets the same non-personal list: their orders are not used", async () => {
    const { recommendationsFor } = await load();
    visitor.user = await shopper("unasked");
    await order(visitor.user.id, ["apron"]);
    const view = await recommendationsFor(onShelf());
    expect(view.personal).toBe(false);
    expect(view.items.every((c) => c.reason.kind === "popular")).toBe(true);
    // Their apron is still shown: leaving it out would itself use their order history.
    expect(slugsOf(view.items)).toContain(key("apron"));
  });

  it("with the consent: never the bought non-consumable, a due consumable as 'running low', complements of their purchase", async () => {
    const { recommendationsFor } = await load();
    visitor.user = buyer;
    await consent(buyer.id, true);
    const view = await recommendationsFor({ page: "product", productId: made.quiet!.productId, collectionSlug });
    expect(view.personal).toBe(true);
    const shown = view.items.map((c) => [c.product.slug, c.reason.kind]);
    expect(slugsOf(view.items)).not.toContain(key("apron"));
    expect(slugsOf(view.items)).not.toContain(key("tin")); // bought 10 days ago, due after 30
    expect(slugsOf(view.items)).not.toContain(key("soldout"));
    expect(slugsOf(view.items)).not.toContain(key("draft"));
    expect(shown).toContainEqual([key("candle"), "running-low"]);
    expect(shown).toContainEqual([key("napkins"), "bought-with-purchase"]);
    const napkins = view.items.find((c) => c.product.slug === key("napkins"))!;
    expect(napkins.reason).toMatchObject({ kind: "bought-with-purchase", boughtTitle: made.apron!.title });
  });

  it("with the consent and a cart: the cart's complements come first, and nothing already in the cart", async () => {
    const { recommendationsFor, createCart, addToCart } = await load();
    const other = await shopper("carter");
    await consent(other.id, true);
    const cartId = await createCart(other.id);
    await addToCart(cartId, made.apron!.variantId, 1);
    visitor.user = other;
    visitor.cartId = cartId;
    const view = await recommendationsFor({ page: "cart" });
    expect(view.items[0]).toMatchObject({ product: { slug: key("napkins") }, reason: { kind: "bought-with-cart", cartTitle: made.apron!.title } });
    expect(slugsOf(view.items)).not.toContain(key("apron"));
    visitor.cartId = null;
  });

  it("after the consent is withdrawn, the same shopper gets only non-personal suggestions", async () => {
    const { recommendationsFor } = await load();
    visitor.user = buyer;
    await consent(buyer.id, false);
    const view = await recommendationsFor({ page: "product", productId: made.quiet!.productId, collectionSlug });
    expect(view.personal).toBe(false);
    expect(view.items.every((c) => c.reason.kind === "popular")).toBe(true);
  });
});

describe("the re-buy interval on a product", () => {
  it("is saved by the admin product form and read back for the form; cleared with an empty field", async () => {
    const { readProductForm } = await import("@/lib/validations/product");
    const { createProduct, updateProduct, getAdminProduct } = await import("@/db/queries/admin-products");
    const { getDb } = await import("@/db");
    const form = { title: "Test tealights", slug: `rec-test-${run}-form`, status: "draft", collections: [], optionNames: [], "variants.0.sku": `REC-${run}-FORM`, "variants.0.price": "9.00", "variants.0.stock": "4", rebuyAfterDays: "21" };
    const created = readProductForm(form, "GBP");
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    const { id } = await getDb().transaction((tx) => createProduct(tx, created.data, "GBP"));
    expect((await getAdminProduct(id))?.rebuyAfterDays).toBe(21);

    const variantId = (await getAdminProduct(id))!.variants[0]!.id;
    const cleared = readProductForm({ ...form, id: String(id), rebuyAfterDays: "", "variants.0.id": String(variantId), "variants.0.stockRead": "4" }, "GBP");
    if (!cleared.ok) throw new Error(JSON.stringify(cleared.fieldErrors));
    const { before, after } = await getDb().transaction((tx) => updateProduct(tx, id, cleared.data, "GBP"));
    expect([before.rebuyAfterDays, after.rebuyAfterDays]).toEqual([21, null]);
    expect((await getAdminProduct(id))?.rebuyAfterDays).toBe(null);
  });

  it("is refused by the database outside 1–365 days, whoever writes it", async () => {
    await expect(sql`update products set rebuy_after_days = 0 where slug = ${key("candle")}`).rejects.toThrow(/products_rebuy_after_days_check/);
    await expect(sql`update products set rebuy_after_days = 366 where slug = ${key("candle")}`).rejects.toThrow(/products_rebuy_after_days_check/);
  });
});
