import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRetention, type RetentionResult } from "@/db/queries/retention";
import { retentionRules, type RetentionRuleId } from "@/lib/privacy/retention";
import { testSql } from "../support/sql";

/*
 * The retention job against a real database: for every rule, a row just past its period is
 * deleted and a row just inside it is kept; nothing else anywhere in the database changes (a
 * fingerprint of every row of every table, before and after); the consent ledger and orders
 * are never touched however old; a second run deletes nothing.
 */
const sql = testSql();
const tag = `ret${randomUUID().slice(0, 8)}`;
afterAll(async () => {
  await sql.end();
});

/** Every row of every table in the shop's schema, as a multiset of row hashes per table. */
async function fingerprint(): Promise<Map<string, Map<string, number>>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  const result = new Map<string, Map<string, number>>();
  for (const { name } of tables) {
    const rows = await sql.unsafe<{ h: string }[]>(`select md5(t::text) as h from "${name}" t`);
    const counts = new Map<string, number>();
    for (const { h } of rows) counts.set(h, (counts.get(h) ?? 0) + 1);
    result.set(name, counts);
  }
  return result;
}

/** Per table, how many rows went and how many appeared (a changed row counts as both). */
function difference(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>) {
  const changes: Record<string, { removed: number; added: number }> = {};
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? new Map<string, number>();
    const a = after.get(table) ?? new Map<string, number>();
    let removed = 0;
    let added = 0;
    for (const [h, n] of b) removed += Math.max(0, n - (a.get(h) ?? 0));
    for (const [h, n] of a) added += Math.max(0, n - (b.get(h) ?? 0));
    if (removed || added) changes[table] = { removed, added };
  }
  return changes;
}

const counts = (results: RetentionResult[]) => Object.fromEntries(results.map((r) => [r.id, r.deleted])) as Record<RetentionRuleId, number>;

type Seeded = {
  userId: string;
  subscriberId: string;
  variantId: number;
  linkId: number;
  orderId: string;
};
let seeded: Seeded;

/**
 * Two rows per rule, one a minute past its period and one a minute inside it (a day for the
 * salts, whose period counts from the start of a UTC day), plus rows a rule must leave alone
 * whatever their age. All times are the database's, as the job's are.
 */
async function seed(): Promise<Seeded> {
  const [user] = await sql`insert into users (id, email, role) values (${randomUUID()}, ${`${tag}@retention.test`}, 'customer') returning id`;
  const userId = user!.id as string;
  const [variant] = await sql`select id from product_variants order by id limit 1`;
  const variantId = variant!.id as number;

  // Analytics: 13 months.
  await sql`
    insert into page_views (at, visitor_hash, path, device_class, entrance)
    values (now() - interval '13 months' - interval '1 minute', ${`${tag}-past`}, '/', 'phone', true),
           (now() - interval '13 months' + interval '1 minute', ${`${tag}-inside`}, '/', 'phone', true)`;
  const [link] = await sql`
    insert into tracked_links (slug, destination, utm_source, utm_medium, utm_campaign) values (${tag}, '/', 'instagram', 'social', 'retention') returning id`;
  const linkId = link!.id as number;
  await sql`
    insert into link_clicks (link_id, at, visitor_hash, device_class)
    values (${linkId}, now() - interval '13 months' - interval '1 minute', ${`${tag}-past`}, 'desktop'),
           (${linkId}, now() - interval '13 months' + interval '1 minute', ${`${tag}-inside`}, 'desktop')`;
  // Salts: the day before yesterday began more than 48 hours ago; yesterday did not.
  await sql`
    insert into analytics_salts (day, salt)
    values (((now() at time zone 'UTC')::date - 2), ${`${tag}-past`}), (((now() at time zone 'UTC')::date - 1), ${`${tag}-inside`})
    on conflict (day) do update set salt = excluded.salt`;

  // Sign-in: sessions and links past their expiry.
  await sql`
    insert into sessions (session_token, user_id, expires)
    values (${`${tag}-past`}, ${userId}, now() - interval '1 minute'), (${`${tag}-inside`}, ${userId}, now() + interval '1 minute')`;
  await sql`
    insert into verification_tokens (identifier, token, expires)
    values (${`${tag}@retention.test`}, ${`${tag}-past`}, now() - interval '1 minute'), (${`${tag}@retention.test`}, ${`${tag}-inside`}, now() + interval '1 minute')`;

  // Newsletter: a pending subscriber with its requested events (ten years old), a used link
  // and an unused one past their expiry, and one still open.
  const [subscriber] = await sql`insert into subscribers (email, created_at) values (${`${tag}-news@retention.test`}, now() - interval '10 years') returning id`;
  const subscriberId = subscriber!.id as string;
  await sql`
    insert into consent_events (subscriber_id, purpose, action, wording_id, source, method, created_at)
    values (${subscriberId}, 'newsletter:offers', 'requested', 'newsletter-signup@2026-11', 'footer', 'checkbox', now() - interval '10 years'),
           (${subscriberId}, 'newsletter:offers', 'withdrawn', 'newsletter-signup@2026-11', 'footer', 'unsubscribe_page', now() - interval '9 years')`;
  await sql`
    insert into newsletter_confirmations (subscriber_id, token_hash, topics, wording_id, source, expires_at, used_at)
    values (${subscriberId}, ${`${tag}-past`}, ${["newsletter:offers"]}, 'newsletter-signup@2026-11', 'footer', now() - interval '1 minute', null),
           (${subscriberId}, ${`${tag}-past-used`}, ${["newsletter:offers"]}, 'newsletter-signup@2026-11', 'footer', now() - interval '1 minute', now() - interval '2 days'),
           (${subscriberId}, ${`${tag}-inside`}, ${["newsletter:offers"]}, 'newsletter-signup@2026-11', 'footer', now() + interval '1 minute', null)`;

  // Back in stock: unconfirmed past its link, unconfirmed inside it, and a confirmed one whose
  // (used) link expired long ago, which is waiting for stock and must stay.
  await sql`
    insert into back_in_stock_requests (variant_id, email, token_hash, token_expires_at, status, wording_id, created_at)
    values (${variantId}, ${`${tag}-past@retention.test`}, ${`${tag}-bis-past`}, now() - interval '1 minute', 'requested', 'back-in-stock@2026-11', now() - interval '7 days'),
           (${variantId}, ${`${tag}-inside@retention.test`}, ${`${tag}-bis-inside`}, now() + interval '1 minute', 'requested', 'back-in-stock@2026-11', now() - interval '7 days'),
           (${variantId}, ${`${tag}-active@retention.test`}, null, now() - interval '30 days', 'active', 'back-in-stock@2026-11', now() - interval '40 days')`;

  // Carts: guest carts either side of 60 days (the past one with a line, which goes with it),
  // and a signed-in shopper's saved cart untouched for a year, which is part of their account.
  await sql`
    insert into carts (id, user_id, created_at, updated_at)
    values (${uuidFor("past")}, null, now() - interval '90 days', now() - interval '60 days' - interval '1 minute'),
           (${uuidFor("inside")}, null, now() - interval '90 days', now() - interval '60 days' + interval '1 minute'),
           (${uuidFor("saved")}, ${userId}, now() - interval '1 year', now() - interval '1 year')`;
  await sql`insert into cart_items (cart_id, variant_id, quantity) values (${uuidFor("past")}, ${variantId}, 1), (${uuidFor("saved")}, ${variantId}, 2)`;

  // Abuse limits: the longest window is a day.
  await sql`
    insert into rate_limit_hits (bucket, key_hash, created_at)
    values ('newsletter:address', ${`${tag}-past`}, now() - interval '24 hours' - interval '1 minute'),
           ('newsletter:address', ${`${tag}-inside`}, now() - interval '24 hours' + interval '1 minute')`;
  await sql`
    insert into webhook_receipts (id, type, received_at)
    values (${`${tag}-past`}, 'email.delivered', now() - interval '30 days' - interval '1 minute'),
           (${`${tag}-inside`}, 'email.delivered', now() - interval '30 days' + interval '1 minute')`;
  await sql`
    insert into email_messages (to_address, subject, template, reason, category, status, created_at)
    values (${`${tag}-past@retention.test`}, 'Old', 'order-confirmation', 'You placed an order', 'transactional', 'sent', now() - interval '24 months' - interval '1 minute'),
           (${`${tag}-inside@retention.test`}, 'Newer', 'order-confirmation', 'You placed an order', 'transactional', 'sent', now() - interval '24 months' + interval '1 minute')`;

  // An order ten years old, from the tracked link, with its items and history: never deleted.
  const [order] = await sql`
    insert into orders (email, user_id, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
      subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, status, tracked_link_id, created_at)
    values (${`${tag}-buyer@retention.test`}, null, 'Old Buyer', '1 Old Street', 'Town', 'AB1 2CD', 'GB', 'standard', 'GBP', 1000, 0, 0, 1000, true, 'manual', ${randomUUID()}, 'fp', 'delivered', ${linkId}, now() - interval '10 years')
    returning id`;
  const orderId = order!.id as string;
  await sql`insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total) values (${orderId}, ${variantId}, 'OLD-1', 'Old thing', 'One', 1000, 1, 1000)`;
  await sql`insert into order_events (order_id, status, created_at) values (${orderId}, 'delivered', now() - interval '10 years')`;
  return { userId, subscriberId, variantId, linkId, orderId };
}

function uuidFor(label: "past" | "inside" | "saved"): string {
  const suffix = { past: "000000000001", inside: "000000000002", saved: "000000000003" }[label];
  return `${tag.slice(3, 11)}-0000-4000-8000-${suffix}`;
}

/** How many rows past their period each rule must find among the seeded rows. */
const expectedDeleted: Record<RetentionRuleId, number> = {
  "page-views": 1,
  "link-clicks": 1,
  "analytics-salts": 1,
  sessions: 1,
  "sign-in-links": 1,
  "newsletter-confirmations": 2,
  "back-in-stock-unconfirmed": 1,
  "guest-carts": 1,
  "rate-limit-hits": 1,
  "webhook-receipts": 1,
  "email-log": 1,
};

describe("the retention job", () => {
  beforeAll(async () => {
    // Earlier test files leave rows of their own past some period (expired sessions, old
    // rate-limit hits): clear those first, so this run's counts are exactly the seeded rows.
    await runRetention();
    seeded = await seed();
  });

  it("deletes exactly the rows past their period, keeps those just inside, and changes nothing else", async () => {
    const before = await fingerprint();
    const results = await runRetention();
    const after = await fingerprint();

    expect(results.map((r) => r.id)).toEqual(retentionRules.map((r) => r.id));
    expect(counts(results)).toEqual(expectedDeleted);

    // The whole database: only the rule tables lost rows (and the past guest cart's line went
    // with its cart); no row anywhere was added or changed.
    const expectedChanges: Record<string, { removed: number; added: number }> = { cart_items: { removed: 1, added: 0 } };
    for (const rule of retentionRules) expectedChanges[rule.table] = { removed: (expectedChanges[rule.table]?.removed ?? 0) + expectedDeleted[rule.id], added: 0 };
    expect(difference(before, after)).toEqual(expectedChanges);

    // Which rows: every "-past" row is gone, every "-inside" one is there.
    const remaining = async (query: Promise<{ k: string }[]>) => (await query).map((r) => r.k).sort();
    expect(await remaining(sql`select visitor_hash as k from page_views where visitor_hash like ${`${tag}%`}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select visitor_hash as k from link_clicks where link_id = ${seeded.linkId}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select salt as k from analytics_salts where salt like ${`${tag}%`}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select session_token as k from sessions where user_id = ${seeded.userId}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select token as k from verification_tokens where identifier = ${`${tag}@retention.test`}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select token_hash as k from newsletter_confirmations where subscriber_id = ${seeded.subscriberId}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select email as k from back_in_stock_requests where email like ${`${tag}%`}`)).toEqual([`${tag}-active@retention.test`, `${tag}-inside@retention.test`]);
    expect(await remaining(sql`select id::text as k from carts where id in (${uuidFor("past")}, ${uuidFor("inside")}, ${uuidFor("saved")})`)).toEqual([uuidFor("inside"), uuidFor("saved")].sort());
    expect(await remaining(sql`select cart_id::text as k from cart_items where cart_id in (${uuidFor("past")}, ${uuidFor("saved")})`)).toEqual([uuidFor("saved")]);
    expect(await remaining(sql`select key_hash as k from rate_limit_hits where key_hash like ${`${tag}%`}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select id as k from webhook_receipts where id like ${`${tag}%`}`)).toEqual([`${tag}-inside`]);
    expect(await remaining(sql`select to_address as k from email_messages where to_address like ${`${tag}%`}`)).toEqual([`${tag}-inside@retention.test`]);

    // The pending subscriber and the consent ledger, and the ten-year-old order, are as they were.
    expect(await sql`select 1 from subscribers where id = ${seeded.subscriberId}`).toHaveLength(1);
    expect(await sql`select action from consent_events where subscriber_id = ${seeded.subscriberId} order by id`).toEqual([{ action: "requested" }, { action: "withdrawn" }]);
    expect(await sql`select (select count(*)::int from order_items where order_id = o.id) as items, (select count(*)::int from order_events where order_id = o.id) as events from orders o where o.id = ${seeded.orderId}`).toEqual([{ items: 1, events: 1 }]);
  });

  it("deletes nothing the second time", async () => {
    const before = await fingerprint();
    const results = await runRetention();
    expect(results.every((r) => r.deleted === 0)).toBe(true);
    expect(difference(before, await fingerprint())).toEqual({});
  });

  it("works through a backlog in chunks until none is left", async () => {
    await sql`
      insert into page_views (at, visitor_hash, path, device_class, entrance)
      select now() - interval '2 years', ${`${tag}-backlog`}, '/p/' || n, 'desktop', false from generate_series(1, 7) n`;
    expect(await runRetention({ only: ["page-views"], chunkSize: 3 })).toEqual([{ id: "page-views", table: "page_views", deleted: 7 }]);
    expect(await sql`select 1 from page_views where visitor_hash = ${`${tag}-backlog`}`).toHaveLength(0);
  });
});
