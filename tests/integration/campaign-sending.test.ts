import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCapture, type MailCapture } from "../../scripts/lib/mail-capture";
import { WORKER_NODE_ARGS } from "../../scripts/lib/worker-process";
import { testSql } from "../support/sql";

/** The token with its last character changed (to another one, whatever it was). */
const alterLast = (token: string) => token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");

/*
 * The sending engine against real PostgreSQL and the capture server (which speaks Resend's
 * API, keeps idempotency keys and counts what each address received).
 */

const sql = testSql();
let capture: MailCapture;

beforeAll(async () => {
  capture = await startMailCapture({ keepMessages: 1000 });
  // Read once by lib/env.ts, as the server does: set before the modules load.
  process.env.RESEND_BASE_URL = capture.url;
  process.env.EMAIL_REQUESTS_PER_SECOND = "500";
  process.env.CAMPAIGN_BATCH_LEASE_SECONDS = "2";
  process.env.CAMPAIGN_MAX_FAILURES = "5";
});
afterAll(async () => {
  await capture.stop();
  await sql.end();
});
beforeEach(() => capture.control({ rateLimitPerSecond: 0, failNext: 0 }));

async function load() {
  const [sending, batches, sender, audience, send, guard, db, erasure] = await Promise.all([
    import("@/db/queries/campaign-sending"),
    import("@/db/queries/campaign-batches"),
    import("@/lib/marketing/sender"),
    import("@/db/queries/audience"),
    import("@/lib/email/send"),
    import("@/lib/email/marketing-guard"),
    import("@/db"),
    import("@/lib/privacy/erasure"),
  ]);
  const stats = await import("@/db/queries/campaign-stats");
  return { ...stats, ...sending, ...batches, ...sender, ...audience, ...send, ...guard, getDb: db.getDb, suppressionHash: erasure.suppressionHash };
}

/** A topic of its own per test, so the shop's seeded subscribers never join the audience. */
const newTopic = () => `newsletter:test-${randomUUID().slice(0, 8)}`;

/** `count` subscribers granted `topic`; returns their ids and addresses in order. */
async function subscribersWithGrant(topic: string, count: number, domain = "send.test") {
  const run = randomUUID().slice(0, 8);
  const rows = await sql<{ id: string; email: string }[]>`
    insert into subscribers (email, confirmed_at)
    select 'p' || g || '-' || ${run} || '@' || ${domain}, now() from generate_series(1, ${count}) g
    returning id, email`;
  await sql`
    insert into consent_events (subscriber_id, purpose, action, wording_id, source, method)
    select s.id, ${topic}, 'granted', 'test@1', 'footer', 'double_opt_in' from subscribers s where s.id = any(${rows.map((r) => r.id)}::uuid[])`;
  return rows.sort((a, b) => a.email.localeCompare(b.email));
}

async function newCampaign(topic: string, body = "Hello **friend**. [Shop now](https://shop.test/collections/all)") {
  const [row] = await sql<{ id: string }[]>`
    insert into campaigns (subject, preheader, body, topic, created_by) values ('Winter glazes', 'New colours', ${body}, ${topic}, 'test') returning id`;
  return row!.id;
}

async function begin(campaignId: string) {
  const m = await load();
  return m.getDb().transaction((tx) => m.beginSending(tx, campaignId));
}

const countsFor = (emails: string[]) => emails.map((e) => capture.perAddress.get(e) ?? 0);

describe("the audience query", () => {
  it("includes only people with an active grant for the topic who are not suppressed, whatever the segment says", async () => {
    const m = await load();
    const topic = newTopic();
    const granted = await subscribersWithGrant(topic, 4);
    // Withdrawn after granting; only requested (double opt-in not confirmed); granted but suppressed.
    const [withdrawn, requested, suppressed] = [granted[0]!, granted[1]!, granted[2]!];
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${withdrawn.id}, ${topic}, 'withdrawn', 'test@1', 'email-link', 'unsubscribe_page')`;
    const [pending] = await sql<{ id: string }[]>`insert into subscribers (email) values (${`pending-${randomUUID().slice(0, 8)}@send.test`}) returning id`;
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${pending!.id}, ${topic}, 'requested', 'test@1', 'footer', 'checkbox')`;
    await sql`insert into suppressions (email_hash, reason) values (${m.suppressionHash(suppressed.email)}, 'bounced')`;
    void requested;

    const everyone = await m.sampleAudience(topic, { topics: [], sources: [] });
    expect(everyone.map((p) => p.email).sort()).toEqual([granted[1]!.email, granted[3]!.email].sort());
    // A segment can only narrow: rules that would match the withdrawn, pending and suppressed add nobody.
    const wide = await m.sampleAudience(topic, { topics: [], sources: ["footer", "email-link"], signedUpFrom: "2000-01-01" });
    expect(wide.map((p) => p.email).sort()).toEqual([granted[1]!.email, granted[3]!.email].sort());
    expect(await m.countAudience(topic, { topics: [], sources: ["newsletter-page"] })).toBe(0);
  });

  it("matches purchase rules only for people who allowed personalisation", async () => {
    const m = await load();
    const topic = newTopic();
    const [a, b] = await subscribersWithGrant(topic, 2);
    for (const person of [a!, b!]) {
      const [user] = await sql<{ id: string }[]>`insert into users (id, email, role) values (gen_random_uuid()::text, ${person.email}, 'customer') returning id`;
      await sql`update subscribers set user_id = ${user!.id} where id = ${person.id}`;
      await sql`
        insert into orders (status, email, user_id, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method,
          currency, subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint)
        values ('paid', ${person.email}, ${user!.id}, 'Test', '1 Lane', 'Town', '1000', 'GB', 'standard', 'GBP', 1000, 0, 0, 1000, true, 'manual', ${randomUUID()}, 'x')`;
      if (person === a) await sql`insert into consent_events (user_id, purpose, action, wording_id, source, method) values (${user!.id}, 'personalisation', 'granted', 'personalisation@test', 'privacy-centre', 'privacy_centre')`;
    }
    const buyers = await m.sampleAudience(topic, { topics: [], sources: [], purchase: { kind: "has-ordered" } });
    expect(buyers.map((p) => p.email)).toEqual([a!.email]);
  });
});

describe("sending a campaign", () => {
  it("snapshots the audience, sends each recipient exactly one email with the unsubscribe headers and footer, and finishes", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 250);
    const id = await newCampaign(topic);
    expect((await begin(id)).recipients).toBe(250);
    // Content is frozen once sending starts.
    await expect(sql`update campaigns set subject = 'Changed' where id = ${id}`).rejects.toThrow(/can no longer change/);

    // Two workers at once.
    await Promise.all([m.sendCampaignBatches(id), m.sendCampaignBatches(id)]);
    expect(countsFor(people.map((p) => p.email))).toEqual(people.map(() => 1));
    const progress = await m.getCampaignProgress(id);
    expect(progress).toMatchObject({ status: "sent", recipients: 250, sent: 250, failed: 0, skipped: 0, remaining: 0 });

    const one = capture.messages.find((msg) => msg.to[0] === people[0]!.email)!;
    expect(one.headers["List-Unsubscribe"]).toMatch(/^<http.+\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(one.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(one.html).toMatch(/<strong[^>]*>friend<\/strong>/);
    expect(one.html).toContain("Why you got this email");
    expect(one.html).toMatch(/You subscribed to .+ with the form at the foot of the shop/);
    expect(one.html).toMatch(/\/preferences\/[A-Za-z0-9_-]+\./);
    expect(one.text).toContain("Why you got this email: You subscribed to");
    // Each person's links name that person (not the template's sample).
    const other = capture.messages.find((msg) => msg.to[0] === people[1]!.email)!;
    expect(other.headers["List-Unsubscribe"]).not.toBe(one.headers["List-Unsubscribe"]);
    expect(one.html).not.toContain("5c1e0f");
  });

  it("resends a batch a killed worker left half-done with the same key, so nobody gets two", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 150);
    const id = await newCampaign(topic);
    await begin(id);
    // A worker takes a batch, the provider accepts it, and the worker dies before recording it.
    const batch = (await m.claimBatch(id, 1))!;
    const campaign = (await m.getSendingCampaign(id))!;
    const items = batch.recipients.map((r) => ({ subscriberId: r.subscriberId, to: r.email, subject: campaign.subject, html: "<p>x</p>", text: "x", headers: {} }));
    expect((await m.sendMarketingBatch(items, { topic, idempotencyKey: batch.idempotencyKey })).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));

    await m.sendCampaignBatches(id);
    expect(countsFor(people.map((p) => p.email))).toEqual(people.map(() => 1));
    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "sent", sent: 150 });
    expect(capture.sendKeys.filter((k) => k === batch.idempotencyKey)).toHaveLength(2);
  });

  it("skips people who unsubscribed or were suppressed after the snapshot", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 20);
    const id = await newCampaign(topic);
    await begin(id);
    const [left, bounced] = [people[3]!, people[7]!];
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${left.id}, ${topic}, 'withdrawn', 'test@1', 'email-header', 'unsubscribe_header')`;
    await sql`insert into suppressions (email_hash, reason) values (${m.suppressionHash(bounced.email)}, 'bounced')`;

    await m.sendCampaignBatches(id);
    expect(capture.perAddress.get(left.email)).toBeUndefined();
    expect(capture.perAddress.get(bounced.email)).toBeUndefined();
    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "sent", sent: 18, skipped: 2 });
    const reasons = await sql`select email, skip_reason from campaign_recipients where campaign_id = ${id} and status = 'skipped' order by email`;
    expect(reasons.map((r) => r.skip_reason).sort()).toEqual(["suppressed", "unsubscribed"]);
  });

  it("backs off when the provider answers 429, honouring retry-after, and still sends each email once", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 500);
    const id = await newCampaign(topic);
    await begin(id);
    capture.control({ rateLimitPerSecond: 2 });
    const limitedBefore = capture.stats().rateLimited;
    await m.sendCampaignBatches(id, { budgetMs: 20_000 });
    expect(capture.stats().rateLimited).toBeGreaterThan(limitedBefore);
    expect(countsFor(people.map((p) => p.email))).toEqual(people.map(() => 1));
    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "sent", sent: 500 });
  }, 30_000);

  it("records permanent errors per recipient and pauses itself after too many", async () => {
    const m = await load();
    const topic = newTopic();
    const bad = await subscribersWithGrant(topic, 6, "reject.invalid");
    const id = await newCampaign(topic);
    await begin(id);
    await m.sendCampaignBatches(id);
    const progress = await m.getCampaignProgress(id);
    expect(progress).toMatchObject({ status: "paused", failed: 6, sent: 0 });
    expect(progress!.pausedReason).toMatch(/failed/);
    const errors = await sql`select error from campaign_recipients where campaign_id = ${id}`;
    expect(errors.every((r) => /Invalid/.test(r.error))).toBe(true);
    expect(bad).toHaveLength(6);
  });

  it("retries a provider outage with the same key, then pauses and resumes", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 30);
    const id = await newCampaign(topic);
    await begin(id);
    capture.control({ failNext: 1 });
    await m.sendCampaignBatches(id);
    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "sending", sent: 0 });
    // Paused by the marketer before the retry: no worker sends anything.
    await m.getDb().transaction((tx) => m.pauseCampaign(tx, id));
    await new Promise((r) => setTimeout(r, 2100));
    expect((await m.sendCampaignBatches(id)).batches).toBe(0);
    await m.getDb().transaction((tx) => m.resumeCampaign(tx, id));
    await m.sendCampaignBatches(id);
    expect(countsFor(people.map((p) => p.email))).toEqual(people.map(() => 1));
    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "sent", sent: 30 });
  });

  it("cancels: nobody still queued is sent to, and wrong-state changes are refused", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 10);
    const id = await newCampaign(topic);
    await begin(id);
    await m.getDb().transaction((tx) => m.cancelCampaign(tx, id));
    expect((await m.sendCampaignBatches(id)).batches).toBe(0);
    expect(countsFor(people.map((p) => p.email))).toEqual(people.map(() => 0));
    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "cancelled", cancelled: 10 });
    await expect(m.getDb().transaction((tx) => m.resumeCampaign(tx, id))).rejects.toThrow(/cancelled/);
    await expect(m.getDb().transaction((tx) => m.beginSending(tx, id))).rejects.toThrow(/cancelled/);
  });

  it("the email module itself refuses marketing to someone without a grant (the second lock)", async () => {
    const m = await load();
    const topic = newTopic();
    const [granted] = await subscribersWithGrant(topic, 1);
    const [stranger] = await sql<{ id: string; email: string }[]>`insert into subscribers (email) values (${`stranger-${randomUUID().slice(0, 8)}@send.test`}) returning id, email`;
    const accepted = capture.stats().accepted;
    const item = (s: { id: string; email: string }) => ({ subscriberId: s.id, to: s.email, subject: "Hi", html: "<p>Hi</p>", text: "Hi", headers: {} });
    await expect(m.sendMarketingBatch([item(granted!), item(stranger!)], { topic, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(m.MarketingRefusedError);
    // A grant for one address never covers another.
    await expect(m.sendMarketingBatch([{ ...item(granted!), to: "someone-else@send.test" }], { topic, idempotencyKey: randomUUID() })).rejects.toBeInstanceOf(m.MarketingRefusedError);
    expect(capture.stats().accepted).toBe(accepted);
  });
});

describe("campaign stats without surveillance", () => {
  it("counts clicks per link through the shop's redirect, and unsubscribes against the campaign that carried the link", async () => {
    const m = await load();
    const { GET } = await import("@/app/r/[token]/route");
    const { unsubscribeByToken } = await import("@/lib/newsletter/unsubscribe");
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 3);
    const id = await newCampaign(topic, "Read [the story](https://shop.test/journal?a=1&b=2) and [shop](https://shop.test/collections/all).");
    await begin(id);
    await m.sendCampaignBatches(id);
    const email = capture.messages.find((msg) => msg.to[0] === people[0]!.email)!;
    // Body links go through /r/; the original destinations are not in the HTML any more.
    const tracked = [...email.html.matchAll(/href="([^"]*\/r\/[^"]+)"/g)].map((x) => x[1]!);
    expect(tracked).toHaveLength(2);
    expect(email.html).not.toContain('href="https://shop.test/journal');
    expect(email.text).toMatch(/\/r\/[A-Za-z0-9_-]+\./);
    // The footer's own links are not rewritten.
    expect(email.html).toMatch(/href="[^"]*\/preferences\//);

    const follow = async (href: string) => GET(new Request(href), { params: Promise.resolve({ token: href.split("/r/")[1]! }) });
    const first = await follow(tracked[0]!);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("https://shop.test/journal?a=1&b=2");
    await follow(tracked[0]!);
    await follow(tracked[1]!);
    // A forged or altered token is a 404 and counts nothing.
    const forged = await GET(new Request("http://x/r/abc"), { params: Promise.resolve({ token: alterLast(tracked[0]!.split("/r/")[1]!) }) });
    expect(forged.status).toBe(404);

    // (The test topic is not one of the shop's; the reader also gets Offers, which "unsubscribe from all" withdraws.)
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${people[0]!.id}, 'newsletter:offers', 'granted', 'test@1', 'footer', 'double_opt_in')`;
    const token = /\/unsubscribe\/([^>]+)>/.exec(email.headers["List-Unsubscribe"]!)![1]!;
    expect(await unsubscribeByToken(token, { source: "email-header", method: "unsubscribe_header" })).toMatchObject({ changed: 1 });
    const stats = await m.getCampaignStats(id);
    expect(stats).toMatchObject({ recipients: 3, sent: 3, clicks: 3, unsubscribes: 1 });
    expect(stats!.links).toEqual([
      { url: "https://shop.test/journal?a=1&b=2", clicks: 2 },
      { url: "https://shop.test/collections/all", clicks: 1 },
    ]);
    // Nothing about who clicked is stored anywhere.
    const columns = await sql`select column_name from information_schema.columns where table_name = 'campaign_link_clicks'`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(["campaign_id", "clicks", "url"]);
  });
});

describe("list growth", () => {
  it("counts new subscribers by week and signup source, and people who unsubscribed, in the shop's time zone", async () => {
    const { getListGrowth } = await import("@/db/queries/campaign-stats");
    const before = await getListGrowth(2, "Europe/London");
    const count = (rows: typeof before, source: string) => rows.filter((r) => r.source === source).reduce((n, r) => n + (source === "(unsubscribed)" ? r.unsubscribes : r.signups), 0);
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 3);
    // One of them leaves the same week; an old signup (a year ago) is outside the period.
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${people[0]!.id}, 'newsletter:offers', 'withdrawn', 'test@1', 'email-link', 'unsubscribe_page')`;
    const [old] = await sql<{ id: string }[]>`insert into subscribers (email, confirmed_at) values (${`old-${randomUUID().slice(0, 8)}@send.test`}, now() - interval '1 year') returning id`;
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method, created_at) values (${old!.id}, 'newsletter:offers', 'granted', 'test@1', 'checkout', 'double_opt_in', now() - interval '1 year')`;
    const after = await getListGrowth(2, "Europe/London");
    expect(count(after, "footer") - count(before, "footer")).toBe(3);
    expect(count(after, "(unsubscribed)") - count(before, "(unsubscribed)")).toBe(1);
    expect(count(after, "checkout")).toBe(count(before, "checkout"));
    expect(after.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.week))).toBe(true);
  });
});

describe("individual click tracking (a shop setting, off by default)", () => {
  it("records which reader clicked only while the shop has it on", async () => {
    const m = await load();
    const { GET } = await import("@/app/r/[token]/route");
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 2);
    const follow = async (href: string) => GET(new Request(href), { params: Promise.resolve({ token: href.split("/r/")[1]! }) });
    const linkFor = (email: string) => /href="([^"]*\/r\/[^"]+)"/.exec(capture.messages.find((msg) => msg.to[0] === email)!.html)![1]!;
    await sql`update shop_settings set individual_click_tracking = true`;
    try {
      const id = await newCampaign(topic, "See [the kiln](https://shop.test/kiln).");
      await begin(id);
      await m.sendCampaignBatches(id);
      // Each reader's link is their own.
      expect(linkFor(people[0]!.email)).not.toBe(linkFor(people[1]!.email));
      expect((await follow(linkFor(people[0]!.email))).headers.get("location")).toBe("https://shop.test/kiln");
      const clicked = await sql`select email from campaign_recipients where campaign_id = ${id} and clicked_at is not null`;
      expect(clicked.map((r) => r.email)).toEqual([people[0]!.email]);
      // Turned off again: links already sent still work but record nobody.
      await sql`update shop_settings set individual_click_tracking = false`;
      expect((await follow(linkFor(people[1]!.email))).status).toBe(302);
      expect(await m.getCampaignStats(id)).toMatchObject({ clicks: 2, clickers: 1 });
    } finally {
      await sql`update shop_settings set individual_click_tracking = false`;
    }
  });
});

describe("worker processes", () => {
  const workers: ChildProcess[] = [];
  afterAll(() => workers.forEach((w) => w.exitCode === null && w.kill("SIGKILL")));

  function startWorkerProcess() {
    const child = spawn(process.execPath, WORKER_NODE_ARGS, {
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: process.env.DATABASE_URL,
        RESEND_BASE_URL: capture.url,
        EMAIL_REQUESTS_PER_SECOND: "8",
        CAMPAIGN_BATCH_LEASE_SECONDS: "3",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.on("data", (d) => process.stderr.write(`[worker stderr] ${d}`));
    workers.push(child);
    return child;
  }

  it("two workers at once, one killed mid-campaign and restarted: every recipient gets exactly one email", async () => {
    const m = await load();
    const topic = newTopic();
    const people = await subscribersWithGrant(topic, 2000);
    const id = await newCampaign(topic);
    await begin(id);
    const first = startWorkerProcess();
    startWorkerProcess();
    // Let them get going, then kill one without warning, and start it again.
    const started = Date.now();
    while ((await m.getCampaignProgress(id))!.sent < 300 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 100));
    first.kill("SIGKILL");
    const progressAtKill = (await m.getCampaignProgress(id))!;
    expect(progressAtKill.status).toBe("sending");
    startWorkerProcess();
    while ((await m.getCampaignProgress(id))!.status === "sending" && Date.now() - started < 90_000) await new Promise((r) => setTimeout(r, 250));

    expect(await m.getCampaignProgress(id)).toMatchObject({ status: "sent", sent: 2000, failed: 0, remaining: 0 });
    const counts = countsFor(people.map((p) => p.email));
    expect(counts.filter((n) => n !== 1)).toEqual([]);
  }, 120_000);
});
