import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMailCapture, type MailCapture } from "../../scripts/lib/mail-capture";
import { testSql } from "../support/sql";

/*
 * Cookieless analytics and attribution against a real database: what starts a visit, which
 * clicks count, that a signup and an order carry the visit's source (and only a real tracked
 * link), and that the Channels report adds them up per channel and per link. Rows for the
 * report are written in a range of days in 2020 that no other test touches.
 */
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidateTag: () => {} }));

const sql = testSql();
let capture: MailCapture;
const marker = randomUUID().slice(0, 8);
const linkIds: number[] = [];

beforeAll(async () => {
  capture = await startMailCapture();
  process.env.RESEND_BASE_URL = capture.url;
});

afterAll(async () => {
  await sql`delete from page_views where visitor_hash like ${`${marker}%`}`;
  await sql`delete from orders where email like ${`%${marker}%`}`;
  await sql`delete from products where slug like ${`an-${marker}%`}`;
  await sql.end();
  await capture.stop();
});

async function makeLink(source = "instagram", campaign = "oak-week") {
  const [row] = await sql`
    insert into tracked_links (slug, destination, utm_source, utm_medium, utm_campaign)
    values (${`t-${marker}-${linkIds.length}`}, '/products/oak-candle', ${source}, 'social', ${campaign}) returning id`;
  linkIds.push(row!.id as number);
  return row!.id as number;
}

const view = (hash: string, at: string, channel: string | null = null) => ({
  at: new Date(at),
  visitorHash: `${marker}${hash}`,
  path: "/",
  referrerHost: null,
  utmSource: channel,
  utmMedium: null,
  utmCampaign: null,
  utmContent: null,
  deviceClass: "desktop" as const,
  country: null,
  channel,
});

describe("visits", () => {
  it("a view starts a visit after 30 minutes without one from the same visitor (in the table or the same batch), or when it arrives from another source", async () => {
    const { insertPageViews } = await import("@/db/queries/analytics");
    await insertPageViews([view("a", "2020-03-02T10:00:00Z", "instagram"), view("a", "2020-03-02T10:20:00Z", "instagram"), view("b", "2020-03-02T10:05:00Z")]);
    await insertPageViews([view("a", "2020-03-02T10:45:00Z"), view("a", "2020-03-02T10:50:00Z", "tiktok"), view("a", "2020-03-02T10:55:00Z", "tiktok"), view("a", "2020-03-02T11:40:00Z")]);
    const rows = await sql`select visitor_hash, at, entrance, channel from page_views where visitor_hash like ${`${marker}%`} order by at`;
    expect(rows.map((r) => [r.visitor_hash.slice(marker.length), r.entrance, r.channel])).toEqual([
      ["a", true, "instagram"],
      ["b", true, null],
      ["a", false, null],
      // 25 minutes after the last view: still the same visit.
      ["a", false, null],
      // Arriving again from another post within the pause starts that post's visit; its next page does not.
      ["a", true, "tiktok"],
      ["a", false, null],
      // After 45 minutes away, a new visit.
      ["a", true, null],
    ]);
  });

  it("the day's salt is made once and then read back, and a visitor asking not to be tracked is not counted", async () => {
    const { saltForDay } = await import("@/db/queries/analytics");
    const [first, second] = await Promise.all([saltForDay("2020-03-05"), saltForDay("2020-03-05")]);
    expect(first).toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await saltForDay("2020-03-06")).not.toBe(first);
    const { countableVisitor } = await import("@/lib/analytics/collector");
    const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
    expect(await countableVisitor(new Headers({ "user-agent": browser }))).toMatchObject({ deviceClass: "desktop", country: null });
    expect(await countableVisitor(new Headers({ "user-agent": browser, "sec-gpc": "1" }))).toBeNull();
    expect(await countableVisitor(new Headers({ "user-agent": browser, dnt: "1" }))).toBeNull();
    expect(await countableVisitor(new Headers({ "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }))).toBeNull();
  });
});

describe("clicks on tracked links", () => {
  it("counts a repeat from the same visitor within the hour once, and again after it; links are counted apart", async () => {
    const { insertLinkClicks } = await import("@/db/queries/analytics");
    const one = await makeLink();
    const two = await makeLink("tiktok");
    const click = (linkId: number, hash: string, at: string) => ({ linkId, visitorHash: `${marker}${hash}`, at: new Date(at), referrerHost: null, deviceClass: "phone" as const, country: null });
    await insertLinkClicks([click(one, "v", "2020-03-02T10:00:00Z"), click(one, "v", "2020-03-02T10:10:00Z"), click(two, "v", "2020-03-02T10:10:00Z")]);
    await insertLinkClicks([click(one, "v", "2020-03-02T10:50:00Z"), click(one, "w", "2020-03-02T10:50:00Z"), click(one, "v", "2020-03-02T11:05:00Z")]);
    // A link id that does not exist (from a forged request) is dropped, not an error.
    await insertLinkClicks([click(2_000_000_000, "v", "2020-03-02T10:00:00Z")]);
    const counts = await sql`select link_id, count(*)::int as n from link_clicks where link_id in ${sql([one, two])} group by 1 order by 1`;
    expect(counts.map((c) => [c.link_id, c.n])).toEqual([
      [one, 3],
      [two, 1],
    ]);
  });
});

describe("attribution", () => {
  it("a signup from a tracked link's visit records the channel and the link, through to the confirmed grant", async () => {
    const link = await makeLink();
    const { startNewsletterSignup, confirmNewsletterSignup } = await import("@/lib/newsletter/signup");
    const email = `reader-${marker}@example.com`;
    const landing = { channel: "instagram", medium: "social", campaign: "oak-week", content: null, linkId: link };
    expect(await startNewsletterSignup({ email, topics: ["newsletter:new-arrivals"], source: "footer", wordingId: "newsletter-signup@2026-11", landing })).toEqual({ ok: true });
    const sent = capture.messages.find((m) => m.to.includes(email))!;
    const token = /token=([A-Za-z0-9_-]{43})/.exec(`${sent.text} ${sent.html}`)![1]!;
    await confirmNewsletterSignup(token);
    const events = await sql`
      select e.action, e.source, e.tracked_link_id from consent_events e join subscribers s on s.id = e.subscriber_id
      where s.email = ${email} order by e.id`;
    expect(events.map((e) => [e.action, e.source, e.tracked_link_id])).toEqual([
      ["requested", "utm:instagram", link],
      ["granted", "utm:instagram", link],
    ]);
  });

  it("a forged link id in the cookie is not recorded, and a signup without a landing keeps its form as the source", async () => {
    const { startNewsletterSignup } = await import("@/lib/newsletter/signup");
    const forged = `forged-${marker}@example.com`;
    await startNewsletterSignup({ email: forged, topics: ["newsletter:new-arrivals"], source: "footer", wordingId: "newsletter-signup@2026-11", landing: { channel: "tiktok", medium: null, campaign: null, content: null, linkId: 1_999_999_999 } });
    const plain = `plain-${marker}@example.com`;
    await startNewsletterSignup({ email: plain, topics: ["newsletter:new-arrivals"], source: "footer", wordingId: "newsletter-signup@2026-11" });
    const rows = await sql`select s.email, e.source, e.tracked_link_id from consent_events e join subscribers s on s.id = e.subscriber_id where s.email in ${sql([forged, plain])} order by s.email`;
    expect(rows.map((r) => [r.email, r.source, r.tracked_link_id])).toEqual([
      [forged, "utm:tiktok", null],
      [plain, "footer", null],
    ]);
  });

  it("an order stores where its visit came from; a forged link id is left out and the order still goes through", async () => {
    const link = await makeLink("instagram", "spring");
    const slug = `an-${marker}`;
    const [product] = await sql`insert into products (slug, title, status) values (${slug}, 'Attribution test', 'published') returning id`;
    const [variant] = await sql`insert into product_variants (product_id, sku, options, price_amount, currency, stock) values (${product!.id}, ${slug.toUpperCase()}, '{}', 1000, 'GBP', 10) returning id`;
    const { placeOrder } = await import("@/db/queries/orders");
    const base = {
      email: `buyer-${marker}@example.com`,
      shipping: { name: "Ada", line1: "1 Road", line2: "", city: "London", postalCode: "SW1A 1AA", country: "GB" },
      shippingMethod: "standard",
      discountCode: null,
      items: [{ variantId: variant!.id as number, quantity: 1 }],
      newsletterOptIn: false,
      paymentProvider: "manual",
    };
    const tracked = await placeOrder({ ...base, idempotencyKey: randomUUID(), landing: { channel: "instagram", medium: "social", campaign: "spring", content: "reel", linkId: link } });
    const forged = await placeOrder({ ...base, idempotencyKey: randomUUID(), landing: { channel: "x", medium: null, campaign: null, content: null, linkId: 1_999_999_998 } });
    const direct = await placeOrder({ ...base, idempotencyKey: randomUUID() });
    expect([tracked.ok, forged.ok, direct.ok]).toEqual([true, true, true]);
    const rows = await sql`select attribution_channel, attribution_medium, attribution_campaign, attribution_content, tracked_link_id from orders where email = ${base.email} order by created_at, number`;
    expect(rows.map((r) => [r.attribution_channel, r.attribution_medium, r.attribution_campaign, r.attribution_content, r.tracked_link_id])).toEqual([
      ["instagram", "social", "spring", "reel", link],
      ["x", null, null, null, null],
      [null, null, null, null, null],
    ]);
  });
});

describe("the Channels report", () => {
  it("adds up visits, confirmed signups, orders and revenue per channel and per link, in the shop's days", async () => {
    const { insertPageViews } = await import("@/db/queries/analytics");
    const { getChannelReport, getLinkReport, getVisitsByDay } = await import("@/db/queries/channels");
    const link = await makeLink("pinterest", "pins");
    // Three visits from Pinterest and one direct in range (London, winter: UTC); one the day before, one the day after.
    await insertPageViews([
      view("p1", "2020-01-10T09:00:00Z", "pinterest"),
      view("p2", "2020-01-10T09:00:00Z", "pinterest"),
      view("p3", "2020-01-11T23:59:00Z", "pinterest"),
      view("d1", "2020-01-11T12:00:00Z"),
      view("p4", "2020-01-09T23:59:00Z", "pinterest"),
      view("p5", "2020-01-12T00:00:00Z", "pinterest"),
    ]);
    await sql`insert into link_clicks (link_id, at, visitor_hash, device_class) values (${link}, '2020-01-10T08:59:00Z', ${`${marker}p1`}, 'phone'), (${link}, '2020-01-10T08:59:00Z', ${`${marker}p2`}, 'phone')`;
    // One confirmed signup from Pinterest through the link (two topics, one person), one requested only.
    const [subscriber] = await sql`insert into subscribers (email) values (${`pin-${marker}@example.com`}) returning id`;
    for (const purpose of ["newsletter:new-arrivals", "newsletter:workshop-notes"]) {
      await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method, tracked_link_id, created_at)
        values (${subscriber!.id}, ${purpose}, 'granted', 'w', 'utm:pinterest', 'double_opt_in', ${link}, '2020-01-10T10:00:00Z')`;
    }
    const [pending] = await sql`insert into subscribers (email) values (${`pending-${marker}@example.com`}) returning id`;
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method, created_at) values (${pending!.id}, 'newsletter:new-arrivals', 'requested', 'w', 'utm:pinterest', 'checkbox', '2020-01-10T10:00:00Z')`;
    // Orders: one from the link (partly refunded), one cancelled, one direct.
    const order = (channel: string | null, linkId: number | null, total: number, status: string, refunded = 0) => sql`
      insert into orders (email, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
        subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint,
        status, refunded_amount, attribution_channel, tracked_link_id, created_at)
      values (${`o-${marker}@example.com`}, 'A', '1', 'L', 'P', 'GB', 'standard', 'GBP', ${total}, 0, 0, ${total}, true, 'manual', ${randomUUID()}, 'f',
        ${status}, ${refunded}, ${channel}, ${linkId}, '2020-01-11T15:00:00Z')`;
    await order("pinterest", link, 5000, "paid", 1000);
    await order("pinterest", link, 9000, "cancelled");
    await order(null, null, 2500, "paid");

    const range = { from: "2020-01-10", to: "2020-01-11", timeZone: "Europe/London", currency: "GBP" };
    const report = await getChannelReport(range);
    expect(report.find((r) => r.channel === "pinterest")).toEqual({ channel: "pinterest", visits: 3, signups: 1, orders: 1, revenue: 4000 });
    expect(report.find((r) => r.channel === "")).toMatchObject({ visits: 1, orders: 1, revenue: 2500 });
    const links = await getLinkReport(range);
    expect(links.find((l) => l.id === link)).toMatchObject({ visits: 2, signups: 1, orders: 1, revenue: 4000, channel: "pinterest", campaign: "pins" });
    const days = await getVisitsByDay(range);
    expect(days.filter((d) => d.channel === "pinterest").sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: "2020-01-10", channel: "pinterest", visits: 2 },
      { day: "2020-01-11", channel: "pinterest", visits: 1 },
    ]);
    // In Bangkok (UTC+7) the same views fall on other days: 09:00 UTC the day before midnight there counts on the 10th.
    const bangkok = await getVisitsByDay({ ...range, timeZone: "Asia/Bangkok" });
    expect(bangkok.filter((d) => d.channel === "pinterest")).toEqual([{ day: "2020-01-10", channel: "pinterest", visits: 3 }]);
  });
});
