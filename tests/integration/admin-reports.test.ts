import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSalesReport, getTopProducts, listLowStockVariants, listOrdersAwaitingAction } from "@/db/queries/admin-reports";
import { testSql } from "../support/sql";

/*
 * The overview's figures on a small data set whose answers are worked out by hand. The orders
 * are placed in June 2001, long before anything else in the shared test database, and "today"
 * is fixed (asOf), so every figure is exact whatever the other test files add.
 *
 * Shop time zone Europe/London, on summer time (UTC+1) in June 2001. With asOf 14 June 2001
 * and 7 days, the period is 8–14 June and the previous period 1–7 June (local dates).
 */
const sql = testSql();
const tag = `report-test-${randomUUID().slice(0, 8)}`;
const asOf = new Date("2001-06-14T10:00:00Z");

type Product = { productId: number; variantId: number; title: string };
const products: Record<"oak" | "linen" | "candle", Product> = {} as never;
const orderIds: Record<string, string> = {};

async function makeProduct(key: keyof typeof products, title: string, status = "published", stock = 100) {
  const slug = `${tag}-${key}`;
  const [p] = await sql`insert into products (slug, title, status) values (${slug}, ${title}, ${status}) returning id`;
  const [v] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${p!.id}, ${slug.toUpperCase()}, '{"Colour":"Oat"}', 1000, 'GBP', ${stock}) returning id`;
  products[key] = { productId: p!.id as number, variantId: v!.id as number, title };
}

type Line = { product: Product | null; title?: string; quantity: number; lineTotal: number };

async function makeOrder(name: string, at: string, status: string, total: number, lines: Line[] = [], currency = "GBP") {
  const [o] = await sql`
    insert into orders (status, email, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country,
      shipping_method, currency, subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax,
      payment_provider, idempotency_key, request_fingerprint, created_at)
    values (${status}, ${`${name}@example.com`}, 'Report Test', '1 Test Street', 'Leeds', 'LS1 1AA', 'GB',
      'standard', ${currency}, ${total}, 0, 0, ${total}, true, 'manual', ${`${tag}-${name}`}, 'x', ${at})
    returning id`;
  orderIds[name] = o!.id as string;
  for (const line of lines) {
    await sql`
      insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total)
      values (${o!.id}, ${line.product?.variantId ?? null}, 'SKU', ${line.title ?? line.product!.title}, 'Oat',
        ${line.lineTotal / line.quantity}, ${line.quantity}, ${line.lineTotal})`;
  }
}

async function makeUser(name: string, at: string, role = "customer") {
  await sql`insert into users (id, email, role, created_at) values (${`${tag}-${name}`}, ${`${tag}-${name}@example.com`}, ${role}, ${at})`;
}

beforeAll(async () => {
  await makeProduct("oak", `Oak board ${tag}`);
  await makeProduct("linen", `Linen napkins ${tag}`);
  await makeProduct("candle", `Beeswax candle ${tag}`);
  const { oak, linen, candle } = products;

  // The current period, 8–14 June (local).
  await makeOrder("a", "2001-06-14T09:00:00Z", "paid", 10_000, [
    { product: oak, quantity: 2, lineTotal: 8000 },
    // A line whose variant was deleted since: grouped by the title written on the order.
    { product: null, title: `Retired lantern ${tag}`, quantity: 1, lineTotal: 2000 },
  ]);
  // 23:30 UTC on the 10th is 00:30 on the 11th in London.
  await makeOrder("b", "2001-06-10T23:30:00Z", "fulfilled", 5000, [{ product: linen, quantity: 1, lineTotal: 4000 }]);
  // 00:30 on the 8th in London: the first minutes of the period.
  await makeOrder("c", "2001-06-07T23:30:00Z", "awaiting_payment", 2000, [{ product: linen, quantity: 3, lineTotal: 1500 }]);
  // Cancelled orders are not sales.
  await makeOrder("cancelled", "2001-06-12T12:00:00Z", "cancelled", 99_999, [{ product: candle, quantity: 50, lineTotal: 99_000 }]);
  // Another currency is not added to pounds.
  await makeOrder("euros", "2001-06-12T12:00:00Z", "paid", 4444, [{ product: candle, quantity: 4, lineTotal: 4444 }], "EUR");
  // Midnight starting the 15th in London: after "today".
  await makeOrder("tomorrow", "2001-06-14T23:00:00Z", "paid", 6666, [{ product: candle, quantity: 6, lineTotal: 6666 }]);

  // The previous period, 1–7 June (local).
  await makeOrder("d", "2001-06-07T22:30:00Z", "fulfilled", 3000, [{ product: oak, quantity: 1, lineTotal: 2500 }]);
  await makeOrder("g", "2001-05-31T23:00:00Z", "fulfilled", 1000, [{ product: linen, quantity: 1, lineTotal: 1000 }]);
  // 23:59 on 31 May in London: before either period.
  await makeOrder("before", "2001-05-31T22:59:00Z", "fulfilled", 7777, [{ product: candle, quantity: 7, lineTotal: 7777 }]);

  await makeUser("new-1", "2001-06-09T08:00:00Z");
  await makeUser("new-2", "2001-06-13T20:00:00Z");
  await makeUser("prev-1", "2001-06-03T08:00:00Z");
  await makeUser("staff", "2001-06-10T08:00:00Z", "staff");
  await makeUser("older", "2001-05-20T08:00:00Z");
});

afterAll(async () => {
  await sql`delete from orders where idempotency_key like ${`${tag}-%`}`;
  await sql`delete from users where id like ${`${tag}-%`}`;
  await sql`delete from products where slug like ${`${tag}-%`}`;
  await sql.end();
});

describe("overview summary", () => {
  it("adds up revenue, orders, average order value and new customers for the period and the one before", async () => {
    const { summary } = await getSalesReport({ days: 7, asOf });
    expect(summary).toEqual({
      current: { from: "2001-06-08", to: "2001-06-14" },
      previous: { from: "2001-06-01", to: "2001-06-07" },
      currency: "GBP",
      // a + b + c; the cancelled, euro and next-day orders are left out.
      totals: { revenue: 17_000, orders: 3, averageOrderValue: 5667, newCustomers: 2 },
      // d + g; the order a minute before the 1st (London time) is left out.
      previousTotals: { revenue: 4000, orders: 2, averageOrderValue: 2000, newCustomers: 1 },
    });
  });

  it("takes refunds off revenue, while the refunded order still counts as an order", async () => {
    await sql`update orders set status = 'refunded', refunded_amount = 2000 where id = ${orderIds.b!}`;
    try {
      const { summary } = await getSalesReport({ days: 7, asOf });
      expect(summary.totals).toMatchObject({ revenue: 15_000, orders: 3 });
    } finally {
      await sql`update orders set status = 'fulfilled', refunded_amount = 0 where id = ${orderIds.b!}`;
    }
  });

  it("compares a longer period with the same length before it", async () => {
    const { summary } = await getSalesReport({ days: 30, asOf });
    expect(summary.current).toEqual({ from: "2001-05-16", to: "2001-06-14" });
    expect(summary.previous).toEqual({ from: "2001-04-16", to: "2001-05-15" });
    // Everything counted earlier, plus the order of 31 May; nothing in the previous 30 days.
    expect(summary.totals).toEqual({ revenue: 17_000 + 4000 + 7777, orders: 6, averageOrderValue: Math.round((17_000 + 4000 + 7777) / 6), newCustomers: 4 });
    expect(summary.previousTotals).toEqual({ revenue: 0, orders: 0, averageOrderValue: null, newCustomers: 0 });
  });

  it("buckets orders by the day in the shop's time zone, not UTC", async () => {
    const inLondon = (await getSalesReport({ days: 7, asOf })).salesByDay;
    expect(inLondon.current).toEqual([
      { day: "2001-06-08", revenue: 2000, orders: 1 },
      { day: "2001-06-09", revenue: 0, orders: 0 },
      { day: "2001-06-10", revenue: 0, orders: 0 },
      { day: "2001-06-11", revenue: 5000, orders: 1 },
      { day: "2001-06-12", revenue: 0, orders: 0 },
      { day: "2001-06-13", revenue: 0, orders: 0 },
      { day: "2001-06-14", revenue: 10_000, orders: 1 },
    ]);
    expect(inLondon.previous.map((d) => d.day)).toEqual(["2001-06-01", "2001-06-02", "2001-06-03", "2001-06-04", "2001-06-05", "2001-06-06", "2001-06-07"]);
    expect(inLondon.previous.filter((d) => d.orders > 0)).toEqual([
      { day: "2001-06-01", revenue: 1000, orders: 1 },
      { day: "2001-06-07", revenue: 3000, orders: 1 },
    ]);

    // The same orders for a shop in UTC: b falls on the 10th, c on the 7th (previous period),
    // the order at 23:00 UTC on the 14th is still "today", and g (23:00 UTC on 31 May) is out.
    const inUtc = (await getSalesReport({ days: 7, asOf, timeZone: "UTC" })).salesByDay;
    expect(inUtc.current.filter((d) => d.orders > 0)).toEqual([
      { day: "2001-06-10", revenue: 5000, orders: 1 },
      { day: "2001-06-14", revenue: 16_666, orders: 2 },
    ]);
    expect(inUtc.previous.filter((d) => d.orders > 0)).toEqual([{ day: "2001-06-07", revenue: 5000, orders: 2 }]);
  });

  it("refuses a period the overview does not offer", async () => {
    await expect(getSalesReport({ days: 365 as never, asOf })).rejects.toThrow(RangeError);
  });
});

describe("top products", () => {
  it("ranks products by revenue and by units, with the previous period beside them", async () => {
    const { oak, linen } = products;
    const top = await getTopProducts({ days: 7, asOf });
    expect(top.byRevenue).toEqual([
      { productId: oak.productId, title: oak.title, revenue: 8000, units: 2, previousRevenue: 2500, previousUnits: 1 },
      { productId: linen.productId, title: linen.title, revenue: 5500, units: 4, previousRevenue: 1000, previousUnits: 1 },
      { productId: null, title: `Retired lantern ${tag}`, revenue: 2000, units: 1, previousRevenue: 0, previousUnits: 0 },
    ]);
    expect(top.byUnits.map((p) => [p.title, p.units])).toEqual([
      [linen.title, 4],
      [oak.title, 2],
      [`Retired lantern ${tag}`, 1],
    ]);
  });

  it("keeps to the limit and leaves out products sold only in the previous period", async () => {
    const top = await getTopProducts({ days: 7, asOf, limit: 1 });
    expect(top.byRevenue.map((p) => p.title)).toEqual([products.oak.title]);
    expect(top.byUnits.map((p) => p.title)).toEqual([products.linen.title]);
    const next = await getTopProducts({ days: 7, asOf: new Date("2001-06-21T10:00:00Z") });
    // 15–21 June has no sales (the order of the 15th is the only one, at 00:00 London time).
    expect(next.byRevenue.map((p) => p.title)).toEqual([products.candle.title]);
    expect(next.byRevenue[0]).toMatchObject({ revenue: 6666, units: 6, previousRevenue: 0 });
  });
});

describe("low stock", () => {
  it("lists published variants at or under the threshold, sold-out first", async () => {
    const { oak, linen, candle } = products;
    await sql`update product_variants set stock = 3 where id = ${oak.variantId}`;
    await sql`update product_variants set stock = 0 where id = ${linen.variantId}`;
    await sql`update product_variants set stock = 4 where id = ${candle.variantId}`;
    const low = await listLowStockVariants({ threshold: 3, limit: 10_000 });
    const ours = low.variants.filter((v) => v.sku.startsWith(tag.toUpperCase()));
    expect(ours.map((v) => [v.productId, v.stock])).toEqual([
      [linen.productId, 0],
      [oak.productId, 3],
    ]);
    expect(low.variants.map((v) => v.stock)).toEqual([...low.variants.map((v) => v.stock)].sort((a, b) => a - b));
    expect(low.total).toBe(low.variants.length);

    // A draft is not for sale, so its stock raises no alert.
    await sql`update products set status = 'draft' where id = ${linen.productId}`;
    const afterDraft = await listLowStockVariants({ threshold: 3, limit: 10_000 });
    expect(afterDraft.variants.some((v) => v.productId === linen.productId)).toBe(false);
    expect(afterDraft.total).toBe(low.total - 1);

    const capped = await listLowStockVariants({ threshold: 3, limit: 1 });
    expect(capped.variants).toHaveLength(1);
    expect(capped.total).toBe(afterDraft.total);
  });
});

describe("orders awaiting action", () => {
  it("lists unpaid and unfulfilled orders, the longest-waiting first, with a count of each", async () => {
    const awaiting = await listOrdersAwaitingAction({ limit: 3 });
    // Ours are the oldest orders in the database; d, g and b are fulfilled, so c (8 June) comes first.
    expect(awaiting.orders.map((o) => [o.id, o.status])).toEqual([
      [orderIds.c, "awaiting_payment"],
      [orderIds.euros, "paid"],
      [orderIds.a, "paid"],
    ]);
    const [counts] = await sql`
      select count(*) filter (where status = 'awaiting_payment')::int as awaiting_payment, count(*) filter (where status = 'paid')::int as paid
      from orders`;
    expect(awaiting.counts).toEqual({ awaiting_payment: counts!.awaiting_payment, paid: counts!.paid });
  });
});
