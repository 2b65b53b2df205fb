import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { personalDataInventory } from "@/db/personal-data";
import { createAddress, upsertUserWithRole } from "@/db/queries/accounts";
import { recordConsentChange, requestNewsletterSubscription } from "@/db/queries/consent";
import { ERASED, exportPersonalData } from "@/db/queries/privacy";
import { erasePerson, suppressionHash } from "@/lib/privacy/erasure";
import { checkRateLimit, rateLimitBuckets } from "@/lib/privacy/rate-limit";
import { testSql } from "../support/sql";

const sql = testSql();
afterAll(async () => {
  await sql`delete from products where slug like 'privacy-test-%'`;
  await sql.end();
});

/** Every (table, column) holding text that contains `needle`, across the whole database. */
async function columnsContaining(needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }[]>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')`;
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await sql.unsafe(`select exists (select 1 from "${table_name}" where "${column_name}"::text ilike $1) as hit`, [`%${needle}%`]);
    if (row!.hit) found.push(`${table_name}.${column_name}`);
  }
  return found.sort();
}

/** A person with data in every place the shop keeps personal data. */
async function makePerson(label: string) {
  const marker = `${label}${randomUUID().slice(0, 6)}`;
  const email = `${marker.toLowerCase()}@privacy.test`;
  const { user } = await upsertUserWithRole(email, "customer", `${marker} Person`);
  await sql`update users set image = ${`https://img.example/${marker}.png`} where id = ${user.id}`;
  await createAddress(user.id, { name: `${marker} Person`, line1: `${marker} Street`, line2: `${marker} Flat`, city: `${marker}ton`, postalCode: "AB1 2CD", country: "GB" }, true);
  await sql`insert into sessions (session_token, user_id, expires, device_summary) values (${`tok-${marker}`}, ${user.id}, now() + interval '1 day', 'Firefox on Android')`;
  await sql`insert into accounts (user_id, type, provider, provider_account_id) values (${user.id}, 'oidc', 'example', ${`acct-${marker}`})`;
  await sql`insert into verification_tokens (identifier, token, expires) values (${email}, ${`vt-${marker}`}, now() + interval '10 minutes')`;
  const [cart] = await sql`insert into carts (user_id) values (${user.id}) returning id`;
  const slug = `privacy-test-${randomUUID().slice(0, 8)}`;
  const [product] = await sql`insert into products (slug, title, status, option_names) values (${slug}, 'Privacy test mug', 'published', '[]') returning id`;
  const [variant] = await sql`insert into product_variants (product_id, sku, options, price_amount, currency, stock) values (${product!.id}, ${slug.toUpperCase()}, '{}', 1000, 'GBP', 5) returning id`;
  await sql`insert into cart_items (cart_id, variant_id, quantity) values (${cart!.id}, ${variant!.id}, 1)`;
  const order = async (userId: string | null, key: string) => {
    const [o] = await sql`
      insert into orders (email, user_id, shipping_name, shipping_line1, shipping_line2, shipping_city, shipping_postal_code, shipping_country,
        shipping_method, currency, subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint)
      values (${email}, ${userId}, ${`${marker} Person`}, ${`${marker} Street`}, ${`${marker} Flat`}, ${`${marker}ton`}, 'AB1 2CD', 'GB',
        'standard', 'GBP', 1000, 0, 167, 1000, true, 'manual', ${key}, 'fp') returning id, number`;
    await sql`insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total) values (${o!.id}, ${variant!.id}, 'SKU', 'Privacy test mug', '', 1000, 1, 1000)`;
    await sql`insert into order_events (order_id, status) values (${o!.id}, 'awaiting_payment')`;
    return o!.number as string;
  };
  const accountOrder = await order(user.id, randomUUID());
  const guestOrder = await order(null, randomUUID());
  await sql`insert into email_messages (to_address, subject, template, reason, category, status) values (${email}, 'Your order', 'order-confirmation', 'You placed an order.', 'transactional', 'sent')`;
  const { subscriberId } = await requestNewsletterSubscription({ email, topics: ["newsletter:offers"], wordingId: "w", source: "footer", tokenHash: `th-${marker}`, expiresAt: new Date(Date.now() + 60_000), clientHash: "ch" });
  await recordConsentChange({ userId: user.id }, { purpose: "personalisation", granted: true, wordingId: "p", source: "privacy-centre", method: "privacy_centre" });
  // Hits counted by the shop's own limiter, with the keys its callers use (sign-in and
  // newsletter by address, email change by account).
  const before = await sql`select id from rate_limit_hits`;
  await checkRateLimit([
    { bucket: rateLimitBuckets.signInAddress, key: email, limit: 5, windowMinutes: 60 },
    { bucket: rateLimitBuckets.newsletterAddress, key: email, limit: 3, windowMinutes: 1440 },
    { bucket: rateLimitBuckets.emailChange, key: user.id, limit: 5, windowMinutes: 1440 },
  ]);
  const hitHashes = (await sql`select key_hash from rate_limit_hits where id not in ${sql(before.map((r) => r.id as number).concat(-1))}`).map((r) => r.key_hash as string);
  return { user, email, marker, subscriberId, accountOrder, guestOrder, hitHashes };
}

describe("the personal data inventory", () => {
  it("classifies every column of every table, so a new column cannot slip past export and erasure", async () => {
    const columns = await sql<{ table_name: string; column_name: string }[]>`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like '__drizzle%'`;
    const live = columns.map((c) => `${c.table_name}.${c.column_name}`).sort();
    const listed = Object.entries(personalDataInventory)
      .flatMap(([table, t]) => [...t.personal, ...t.other].map((c) => `${table}.${c}`))
      .sort();
    expect(live).toEqual(listed);
  });
});

describe("export and erasure", () => {
  it("exports everything about the person and nothing about anyone else", async () => {
    const alice = await makePerson("Alice");
    const bob = await makePerson("Bob");
    const data = await exportPersonalData(alice.user.id);
    const text = JSON.stringify(data);
    expect(data?.profile.email).toBe(alice.email);
    expect(data?.orders.map((o) => o.number).sort()).toEqual([alice.accountOrder, alice.guestOrder].sort());
    expect(data?.orders[0]?.items).toHaveLength(1);
    expect(data?.addresses[0]?.line1).toBe(`${alice.marker} Street`);
    expect(data?.consentHistory.map((c) => [c.purpose, c.action])).toEqual(
      expect.arrayContaining([
        ["newsletter:offers", "requested"],
        ["personalisation", "granted"],
      ]),
    );
    expect(data?.emailsSent[0]).toMatchObject({ subject: "Your order", why: "You placed an order." });
    expect(data?.sessions[0]).toMatchObject({ device: "Firefox on Android" });
    expect(data?.newsletter?.email).toBe(alice.email);
    expect(data?.savedCart).toHaveLength(1);
    expect(text).not.toContain(bob.marker);
    expect(text).not.toContain(`tok-${alice.marker}`);

    // Every column where Alice's details are stored is a personal-data column the inventory
    // names (so the export and erasure code know about it).
    const personal = new Set(Object.entries(personalDataInventory).flatMap(([table, t]) => t.personal.map((c) => `${table}.${c}`)));
    for (const needle of [alice.email, alice.marker]) {
      for (const column of await columnsContaining(needle)) expect(personal, `${column} holds personal data`).toContain(column);
    }
  });

  it("erases the person everywhere, keeps their orders with placeholders, and leaves others untouched", async () => {
    const carol = await makePerson("Carol");
    const dan = await makePerson("Dan");
    expect(await erasePerson(carol.user.id, carol.email)).toEqual({ ordersKept: 2 });

    // Not one trace of Carol's email, name or address text remains anywhere in the database.
    expect(await columnsContaining(carol.marker)).toEqual([]);
    expect(await columnsContaining(carol.email)).toEqual([]);
    const [orders] = await sql`select count(*)::int as n from orders where number in ${sql([carol.accountOrder, carol.guestOrder])} and email = ${ERASED.email} and shipping_name = ${ERASED.name} and user_id is null`;
    expect(orders!.n).toBe(2);
    const [items] = await sql`select count(*)::int as n from order_items oi join orders o on o.id = oi.order_id where o.number = ${carol.accountOrder}`;
    expect(items!.n).toBe(1);
    const [sessions] = await sql`select count(*)::int as n from sessions where session_token = ${`tok-${carol.marker}`}`;
    expect(sessions!.n).toBe(0);
    const [hits] = await sql`select count(*)::int as n from rate_limit_hits where key_hash in ${sql(carol.hitHashes)}`;
    expect(hits!.n).toBe(0);
    const [danHits] = await sql`select count(*)::int as n from rate_limit_hits where key_hash in ${sql(dan.hitHashes)}`;
    expect(danHits!.n).toBe(dan.hitHashes.length);
    // Carol's own address is on the suppression list, as a keyed hash (and only as a hash).
    const [suppressed] = await sql`select reason from suppressions where email_hash = ${suppressionHash(carol.email)}`;
    expect(suppressed?.reason).toBe("account_deleted");
    const [danSuppressed] = await sql`select count(*)::int as n from suppressions where email_hash = ${suppressionHash(dan.email)}`;
    expect(danSuppressed!.n).toBe(0);

    // Dan is exactly as he was.
    expect((await columnsContaining(dan.marker)).length).toBeGreaterThan(5);
    expect((await exportPersonalData(dan.user.id))?.orders).toHaveLength(2);
    // Erasing twice is harmless.
    expect(await erasePerson(carol.user.id, carol.email)).toBeNull();
  });
});
