import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerColumns, orderColumns, orderLineColumns, subscriberColumns } from "@/app/admin/exports/columns";
import { streamCustomers, streamOrderLines, streamOrders, streamSubscribers } from "@/db/queries/exports";
import { csvStream, decimalAmount, neutraliseFormula } from "@/lib/csv/stream";
import { newsletterTopicIds } from "@/lib/consent/purposes";
import { testSql } from "../support/sql";

/*
 * The CSV exports against a real database: rows come from a cursor in batches, the stream
 * asks for the next batch only when the reader has taken the last one, and the file says what
 * a spreadsheet needs (header, decimal amounts with currency, no live formulas).
 */
const sql = testSql();
const marker = `exp${randomUUID().slice(0, 6)}`;
const ROWS = 3000;

beforeAll(async () => {
  // A few thousand orders (one line each), a handful with names a spreadsheet would run.
  await sql`
    insert into orders (email, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
      subtotal_amount, discount_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, created_at, status)
    select ${`${marker}@export.test`},
      case g % 1000 when 1 then '=HYPERLINK("http://evil.example","x")' when 2 then '+441234' when 3 then '-2+3' when 4 then '@SUM(A1)' else ${marker} || ' Person ' || g end,
      'Line', 'Town', 'AB1', 'GB', 'standard', 'GBP', 1000 + g, 0, 495, 100, 1495 + g, true, 'manual', ${marker} || '-' || g, 'fp',
      now() + (g || ' milliseconds')::interval, 'paid'
    from generate_series(1, ${ROWS}) g`;
  await sql`
    insert into order_items (order_id, sku, product_title, variant_title, unit_price, quantity, line_total)
    select id, 'SKU-' || number, 'Mug, "the big one"', 'Oat', 1000, 1, 1000 from orders where email = ${`${marker}@export.test`}`;
});
afterAll(async () => {
  await sql`delete from orders where email = ${`${marker}@export.test`}`;
  await sql`select set_config('hearth.erasing', 'on', false)`;
  await sql`delete from consent_events where subscriber_id in (select id from subscribers where email like ${`%${marker}%`})`;
  await sql`delete from subscribers where email like ${`%${marker}%`}`;
  await sql`delete from users where email like ${`%${marker}%`}`;
  await sql.end();
});

/** Wraps a batch source to count what the stream pulled from it. */
function counted<T>(source: AsyncIterable<T[]>) {
  const seen = { batches: 0, rows: 0, largest: 0 };
  async function* wrapped() {
    for await (const batch of source) {
      seen.batches += 1;
      seen.rows += batch.length;
      seen.largest = Math.max(seen.largest, batch.length);
      yield batch;
    }
  }
  return { seen, batches: wrapped() };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Keep the byte-order mark (Response.text() would drop it): Excel needs it to read UTF-8.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

const mine = (rows: Record<string, string>[]) => rows.filter((r) => r.email === `${marker}@export.test`);

describe("neutraliseFormula and decimalAmount", () => {
  it("turns formula cells into text and leaves ordinary text alone", () => {
    expect(["=1+1", "+44", "-3", "@SUM(A1)", "\tcmd", "Ada", "a=b", ""].map(neutraliseFormula)).toEqual(["'=1+1", "'+44", "'-3", "'@SUM(A1)", "'\tcmd", "Ada", "a=b", ""]);
  });
  it("writes minor units as a decimal in the currency's own precision", () => {
    expect([decimalAmount(1995, "GBP"), decimalAmount(5, "GBP"), decimalAmount(0, "EUR"), decimalAmount(1200, "JPY"), decimalAmount(-250, "GBP")]).toEqual(["19.95", "0.05", "0.00", "1200", "-2.50"]);
  });
});

describe("the orders export", () => {
  it("streams every order from a cursor in batches, as CSV with a header, decimal amounts and neutralised formulas", async () => {
    const { seen, batches } = counted(streamOrders(250));
    const text = await readAll(csvStream(orderColumns, batches));
    expect(text.startsWith("\uFEFForder_number,placed_at,status,email,name,country,shipping_method,currency,subtotal,discount,discount_code,shipping,tax,total,prices_include_tax,payment_provider\r\n")).toBe(true);
    const rows = mine(parse(text, { bom: true, columns: true }) as Record<string, string>[]);
    expect(rows).toHaveLength(ROWS);
    // Batches of at most 250 rows: never the whole table at once.
    expect(seen.largest).toBeLessThanOrEqual(250);
    expect(seen.batches).toBeGreaterThanOrEqual(Math.ceil(ROWS / 250));
    const first = rows.find((r) => r.name === `${marker} Person 5`)!;
    expect(first).toMatchObject({ status: "paid", currency: "GBP", subtotal: "10.05", shipping: "4.95", tax: "1.00", total: "15.00", prices_include_tax: "yes", discount_code: "" });
    expect(first.placed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil.example","x")`, "'+441234", "'-2+3", "'@SUM(A1)"]));
    expect(names.filter((n) => /^[=+\-@]/.test(n ?? ""))).toEqual([]);
  });

  it("fetches the next batch only when the reader wants more, and closes the cursor when the download is abandoned", async () => {
    const { seen, batches } = counted(streamOrders(100));
    const reader = csvStream(orderColumns, batches).getReader();
    const firstChunk = await reader.read();
    expect(firstChunk.done).toBe(false);
    // Give a runaway producer time to show itself: it must stay close to what was read.
    await new Promise((r) => setTimeout(r, 200));
    const total = (await sql`select count(*)::int as n from orders`)[0]!.n as number;
    expect(seen.rows).toBeLessThan(total / 2);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    const pulled = seen.batches;
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.batches).toBe(pulled);
    // The connection went back to the pool: queries still run.
    const { seen: again, batches: more } = counted(streamOrders(1000));
    await readAll(csvStream(orderColumns, more));
    expect(again.rows).toBe(total);
  });
});

describe("the other exports", () => {
  it("order lines: one row per line with its order number and decimal prices, quotes kept intact", async () => {
    const text = await readAll(csvStream(orderLineColumns, streamOrderLines(500)));
    const rows = (parse(text, { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.sku?.startsWith("SKU-"));
    expect(rows.length).toBeGreaterThanOrEqual(ROWS);
    expect(rows[0]).toMatchObject({ product: 'Mug, "the big one"', variant: "Oat", quantity: "1", currency: "GBP", unit_price: "10.00", line_total: "10.00" });
    expect(rows[0]!.order_number).toMatch(/^H-\d+$/);
  });

  it("customers: customers only (no staff), with their orders and what they spent", async () => {
    const [customer] = await sql`insert into users (id, email, name, role) values (gen_random_uuid()::text, ${`cust-${marker}@export.test`}, '=cmd|calc', 'customer') returning id`;
    await sql`insert into users (id, email, name, role) values (gen_random_uuid()::text, ${`staff-${marker}@export.test`}, 'Staff', 'staff')`;
    await sql`
      insert into orders (email, user_id, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
        subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, status)
      values (${`${marker}@export.test`}, ${customer!.id}, 'C', 'L', 'T', 'P', 'GB', 'standard', 'GBP', 2000, 0, 0, 2000, true, 'manual', ${`${marker}-c1`}, 'fp', 'paid'),
             (${`${marker}@export.test`}, ${customer!.id}, 'C', 'L', 'T', 'P', 'GB', 'standard', 'GBP', 999, 0, 0, 999, true, 'manual', ${`${marker}-c2`}, 'fp', 'cancelled')`;
    const text = await readAll(csvStream(customerColumns, streamCustomers("GBP", 200)));
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(["customer_id", "email", "name", "joined_at", "orders", "currency", "spent"]);
    expect(rows.find((r) => r.email === `cust-${marker}@export.test`)).toMatchObject({ customer_id: customer!.id, name: "'=cmd|calc", orders: "2", currency: "GBP", spent: "20.00" });
    expect(rows.find((r) => r.email === `staff-${marker}@export.test`)).toBeUndefined();
  });

  it("subscribers: one row per topic they consent to now, with source, method, wording version and date", async () => {
    const email = `sub-${marker}@export.test`;
    const [sub] = await sql`insert into subscribers (email, confirmed_at) values (${email}, now()) returning id`;
    const event = (purpose: string, action: string, wording: string, source: string, method: string) =>
      sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${sub!.id}, ${purpose}, ${action}, ${wording}, ${source}, ${method})`;
    await event("newsletter:offers", "requested", "newsletter-signup@2026-11", "footer", "checkbox");
    await event("newsletter:offers", "granted", "newsletter-signup@2026-11", "footer", "double_opt_in");
    await event("newsletter:new-arrivals", "granted", "newsletter-signup@2026-11", "footer", "double_opt_in");
    await event("newsletter:new-arrivals", "withdrawn", "newsletter-new-arrivals@2026-11", "email-link", "unsubscribe_page");
    const text = await readAll(csvStream(subscriberColumns, streamSubscribers(newsletterTopicIds)));
    const rows = (parse(text, { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.email === email);
    expect(rows).toEqual([
      {
        email,
        topic: "newsletter:offers",
        consented_at: expect.stringMatching(/Z$/),
        consent_source: "footer",
        consent_method: "double_opt_in",
        wording_version: "newsletter-signup@2026-11",
        subscribed_since: expect.stringMatching(/Z$/),
        confirmed_at: expect.stringMatching(/Z$/),
      },
    ]);
  });
});
