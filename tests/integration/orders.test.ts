import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { placeOrder, type PlaceOrderInput } from "@/db/queries/orders";
import { testSql } from "../support/sql";

const sql = testSql();
afterAll(async () => {
  // Leave the shared database as the seed made it for the other test files.
  await sql`delete from orders where id in (select order_id from order_items oi join product_variants v on v.id = oi.variant_id join products p on p.id = v.product_id where p.slug like 'test-%')`;
  await sql`delete from products where slug like 'test-%'`;
  await sql.end();
});

const address = { name: "Ada Lovelace", line1: "12 St James's Square", line2: "", city: "London", postalCode: "SW1Y 4JH", country: "GB" };

/** A product of our own per test, so counts are exact whatever other tests do. */
async function makeVariant(stock: number, price = 2500) {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const [product] = await sql`insert into products (slug, title, status) values (${slug}, ${`Test ${slug}`}, 'published') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${slug.toUpperCase()}, '{"Colour":"Oat"}', ${price}, 'GBP', ${stock}) returning id`;
  return { id: variant!.id as number, productId: product!.id as number, sku: slug.toUpperCase() };
}

function order(items: { variantId: number; quantity: number }[], extra: Partial<PlaceOrderInput> = {}): PlaceOrderInput {
  return {
    idempotencyKey: randomUUID(),
    email: "ada@example.com",
    shipping: address,
    shippingMethod: "standard",
    discountCode: null,
    items,
    newsletterOptIn: false,
    paymentProvider: "manual",
    ...extra,
  };
}

async function stockOf(id: number) {
  const [row] = await sql`select stock from product_variants where id = ${id}`;
  return row!.stock as number;
}

async function ordersFor(variantId: number) {
  const [row] = await sql`select count(distinct order_id)::int as n from order_items where variant_id = ${variantId}`;
  return row!.n as number;
}

describe("placing orders", () => {
  it("places an order priced from the database, with line snapshots and a first event", async () => {
    const v = await makeVariant(10, 2200);
    const input = order([{ variantId: v.id, quantity: 2 }]);
    // A client that sends its own price is ignored: the input type has no price, and extra fields do nothing.
    const result = await placeOrder({ ...input, items: [{ variantId: v.id, quantity: 2, unitPrice: 1 } as never] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.number).toMatch(/^H-\d{5,}$/);
    expect(result.order.totals).toEqual({ subtotal: 4400, discount: 0, shipping: 495, tax: 816, total: 4895 });
    const [item] = await sql`select sku, product_title, variant_title, unit_price, quantity, line_total from order_items where order_id = ${result.order.id}`;
    expect(item).toMatchObject({ sku: v.sku, variant_title: "Oat", unit_price: 2200, quantity: 2, line_total: 4400 });
    const events = await sql`select status from order_events where order_id = ${result.order.id}`;
    expect(events.map((e) => e.status)).toEqual(["awaiting_payment"]);
    expect(await stockOf(v.id)).toBe(8);
  });

  it("never oversells: 50 concurrent buyers of the last 5 get exactly 5 orders", async () => {
    const v = await makeVariant(5);
    const results = await Promise.all(Array.from({ length: 50 }, () => placeOrder(order([{ variantId: v.id, quantity: 1 }]))));
    const placed = results.filter((r) => r.ok);
    const soldOut = results.filter((r) => !r.ok && r.code === "sold_out");
    expect(placed).toHaveLength(5);
    expect(soldOut).toHaveLength(45);
    expect(soldOut.every((r) => !r.ok && r.message.includes("sold out"))).toBe(true);
    expect(await stockOf(v.id)).toBe(0);
    expect(await ordersFor(v.id)).toBe(5);
  });

  it("uses a code limited to 3 uses exactly 3 times under 20 concurrent checkouts", async () => {
    const v = await makeVariant(100);
    const code = `LIMIT${randomUUID().slice(0, 6).toUpperCase()}`;
    await sql`insert into discount_codes (code, kind, value, currency, usage_limit) values (${code}, 'percent', 20, 'GBP', 3)`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(order([{ variantId: v.id, quantity: 1 }], { discountCode: code.toLowerCase() }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(17);
    expect(refused.every((r) => !r.ok && r.code === "discount_invalid" && r.message.includes("used up"))).toBe(true);
    const [row] = await sql`select used_count from discount_codes where code = ${code}`;
    expect(row!.used_count).toBe(3);
    // Refused checkouts took no stock.
    expect(await stockOf(v.id)).toBe(97);
  });

  it("does not make checkouts with an unlimited code wait in line for its row", async () => {
    const v = await makeVariant(10);
    const code = `OPEN${randomUUID().slice(0, 6).toUpperCase()}`;
    await sql`insert into discount_codes (code, kind, value, currency) values (${code}, 'fixed', 100, 'GBP')`;
    // Another checkout holds the code's row (as a claim that locks would, until its commit).
    const holder = testSql();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const locked = new Promise<void>((ready) => {
      void holder.begin(async (tx) => {
        await tx`select 1 from discount_codes where code = ${code} for update`;
        ready();
        await held;
      });
    });
    await locked;
    try {
      const result = await Promise.race([
        placeOrder(order([{ variantId: v.id, quantity: 1 }], { discountCode: code })),
        new Promise<"blocked">((r) => setTimeout(() => r("blocked"), 3000)),
      ]);
      expect(result).not.toBe("blocked");
      expect(result !== "blocked" && result.ok && result.order.totals.discount).toBe(100);
    } finally {
      release();
      await holder.end();
    }
  });

  it("owes the confirmation email from the moment the order exists, and only then", async () => {
    const v = await makeVariant(3);
    const placed = await placeOrder(order([{ variantId: v.id, quantity: 3 }]));
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    const owed = await sql`select kind, sent_at from email_outbox where order_id = ${placed.order.id}`;
    expect(owed).toEqual([{ kind: "order-confirmation", sent_at: null }]);
    // What product pages must now show: the variant that sold out.
    expect(placed.stockAfter).toEqual([{ productSlug: expect.stringMatching(/^test-/), sku: v.sku, stock: 0 }]);
    // A refused order owes nothing, and a replay owes nothing twice.
    expect(await placeOrder(order([{ variantId: v.id, quantity: 1 }]))).toMatchObject({ ok: false, code: "sold_out" });
    const [{ n }] = (await sql`select count(*)::int as n from email_outbox o join order_items i on i.order_id = o.order_id where i.variant_id = ${v.id}`) as unknown as [{ n: number }];
    expect(n).toBe(1);
  });

  it("applies the seeded demo code and explains why a code does not apply", async () => {
    const v = await makeVariant(10, 1500);
    const small = await placeOrder(order([{ variantId: v.id, quantity: 1 }], { discountCode: "welcome10" }));
    expect(small).toMatchObject({ ok: false, code: "discount_invalid" });
    expect(!small.ok && small.message).toContain("at least £20.00");
    const big = await placeOrder(order([{ variantId: v.id, quantity: 2 }], { discountCode: "WELCOME10" }));
    expect(big.ok && big.order.totals.discount).toBe(300);
    const unknown = await placeOrder(order([{ variantId: v.id, quantity: 1 }], { discountCode: "NOPE" }));
    expect(!unknown.ok && unknown.message).toContain("not a code we recognise");
    const expiredCode = `OLD${randomUUID().slice(0, 6).toUpperCase()}`;
    await sql`insert into discount_codes (code, kind, value, currency, expires_at) values (${expiredCode}, 'fixed', 500, 'GBP', now() - interval '1 day')`;
    const expired = await placeOrder(order([{ variantId: v.id, quantity: 1 }], { discountCode: expiredCode }));
    expect(!expired.ok && expired.message).toContain("has expired");
    expect(await stockOf(v.id)).toBe(8);
  });

  it("turns a double click into one order, even when both arrive at once", async () => {
    const v = await makeVariant(10);
    const input = order([{ variantId: v.id, quantity: 3 }]);
    const [a, b] = await Promise.all([placeOrder(input), placeOrder(input)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.order.id).toBe(b.order.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const again = await placeOrder(input);
    expect(again.ok && again.order.id).toBe(a.order.id);
    expect(await stockOf(v.id)).toBe(7);
    expect(await ordersFor(v.id)).toBe(1);
  });

  it("refuses a reused idempotency key with a different cart and changes nothing", async () => {
    const v = await makeVariant(10);
    const input = order([{ variantId: v.id, quantity: 1 }]);
    await placeOrder(input);
    const reused = await placeOrder({ ...input, items: [{ variantId: v.id, quantity: 4 }] });
    expect(reused).toMatchObject({ ok: false, code: "conflict" });
    expect(await stockOf(v.id)).toBe(9);
    expect(await ordersFor(v.id)).toBe(1);
  });

  it("rejects unknown or unpublished variants and bad quantities without creating anything", async () => {
    const v = await makeVariant(10);
    const [{ n: before }] = (await sql`select count(*)::int as n from orders`) as unknown as [{ n: number }];
    expect(await placeOrder(order([{ variantId: 99_999_999, quantity: 1 }]))).toMatchObject({ ok: false, code: "not_found" });
    await sql`update products set status = 'draft' where id = ${v.productId}`;
    expect(await placeOrder(order([{ variantId: v.id, quantity: 1 }]))).toMatchObject({ ok: false, code: "not_found" });
    await sql`update products set status = 'published' where id = ${v.productId}`;
    expect(await placeOrder(order([{ variantId: v.id, quantity: -2 }]))).toMatchObject({ ok: false, code: "invalid" });
    expect(await placeOrder(order([{ variantId: v.id, quantity: 1_000_000 }]))).toMatchObject({ ok: false, code: "invalid" });
    expect(await placeOrder(order([]))).toMatchObject({ ok: false, code: "invalid" });
    expect(await placeOrder(order([{ variantId: v.id, quantity: 1 }], { shippingMethod: "teleport" }))).toMatchObject({ ok: false, code: "invalid" });
    const [{ n: after }] = (await sql`select count(*)::int as n from orders`) as unknown as [{ n: number }];
    expect(after).toBe(before);
    expect(await stockOf(v.id)).toBe(10);
  });

  it("asking for more than is left takes nothing", async () => {
    const a = await makeVariant(3);
    const b = await makeVariant(1);
    const result = await placeOrder(order([{ variantId: a.id, quantity: 2 }, { variantId: b.id, quantity: 2 }]));
    expect(result).toMatchObject({ ok: false, code: "sold_out", skus: [b.sku] });
    expect(await stockOf(a.id)).toBe(3);
    expect(await stockOf(b.id)).toBe(1);
  });
});
