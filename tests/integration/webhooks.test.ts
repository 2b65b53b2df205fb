import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * POST /api/webhooks/resend, called the way Next calls it (the route's own POST with a
 * Request), against the real database: what a signed report changes, and that forged, stale,
 * oversized and replayed ones change nothing at all.
 */

const secret = `whsec_${Buffer.from("integration-resend-webhook-secret-0123").toString("base64")}`;
// Read once by lib/env.ts, exactly as the server does; set before the route is loaded.
process.env.RESEND_WEBHOOK_SECRET = secret;

const sql = testSql();
const run = randomUUID().slice(0, 8);
const topics = ["newsletter:new-arrivals", "newsletter:offers"] as const;

type Person = { subscriberId: string; email: string; messageId: string };
const people: Record<string, Person> = {};
const receiptIds: string[] = [];
let campaignId: string;

async function route() {
  return import("@/app/api/webhooks/resend/route");
}

async function addSubscriber(name: string, granted: readonly string[]): Promise<Person> {
  const email = `${name}-${run}@example.com`;
  const [row] = await sql<{ id: string }[]>`insert into subscribers (email, confirmed_at) values (${email}, now()) returning id`;
  for (const purpose of granted) {
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method)
              values (${row!.id}, ${purpose}, 'granted', 'test@2026-11', 'footer', 'double_opt_in')`;
  }
  const person = { subscriberId: row!.id, email, messageId: randomUUID() };
  people[name] = person;
  return person;
}

async function addRecipient(person: Person) {
  await sql`insert into campaign_recipients (campaign_id, subscriber_id, email, consent_source, consent_at, status, provider_message_id, sent_at)
            values (${campaignId}, ${person.subscriberId}, ${person.email}, 'footer', now(), 'sent', ${person.messageId}, now())`;
}

type EventOptions = { id?: string; at?: Date; key?: string; headerPrefix?: "svix" | "webhook" };

/** A report as Resend sends it: JSON body, svix-* headers, signed over id.timestamp.body. */
function report(body: unknown, { id = `msg_${randomUUID()}`, at = new Date(), key = secret, headerPrefix = "svix" }: EventOptions = {}) {
  receiptIds.push(id);
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  return new Request("http://shop.test/api/webhooks/resend", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [`${headerPrefix}-id`]: id,
      [`${headerPrefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
      [`${headerPrefix}-signature`]: new Webhook(key).sign(id, at, payload),
    },
    body: payload,
  });
}

function event(type: string, emailId: string, extra: Record<string, unknown> = {}) {
  return { type, created_at: new Date().toISOString(), data: { email_id: emailId, to: ["whoever@example.com"], subject: "Autumn kiln", ...extra } };
}

const hardBounce = (emailId: string) => event("email.bounced", emailId, { bounce: { type: "Permanent", subType: "General", message: "550 mailbox unavailable" } });

/** Every row the webhook could touch, hashed: equal before and after means nothing changed. */
async function fingerprint() {
  const tables = ["webhook_receipts", "campaign_recipients", "suppressions", "consent_events", "subscribers", "email_messages"];
  const rows = await sql.unsafe<{ name: string; state: string }[]>(
    tables.map((t) => `select '${t}' as name, count(*) || ':' || md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as state from ${t} x`).join(" union all "),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

async function recipient(person: Person) {
  const [row] = await sql<{ delivered_at: Date | null; bounced_at: Date | null; complained_at: Date | null; delayed_at: Date | null; status: string }[]>`
    select delivered_at, bounced_at, complained_at, delayed_at, status from campaign_recipients where provider_message_id = ${person.messageId}`;
  return row!;
}

async function ledger(person: Person) {
  return sql<{ purpose: string; action: string; method: string; source: string; wording_id: string }[]>`
    select purpose, action, method, source, wording_id from consent_events where subscriber_id = ${person.subscriberId} order by id`;
}

async function suppression(email: string) {
  const { suppressionHash } = await import("@/lib/privacy/erasure");
  const [row] = await sql<{ reason: string }[]>`select reason from suppressions where email_hash = ${suppressionHash(email)}`;
  return row?.reason ?? null;
}

async function post(request: Request) {
  const { POST } = await route();
  const response = await POST(request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  const [campaign] = await sql<{ id: string }[]>`
    insert into campaigns (subject, body, topic, status, created_by, started_at) values ('Autumn kiln', 'Hello', 'newsletter:new-arrivals', 'sending', 'test', now()) returning id`;
  campaignId = campaign!.id;
  for (const name of ["ada", "bea", "cy", "dee", "eve", "fay"]) await addRecipient(await addSubscriber(name, topics));
  // Gus subscribed to offers only, and gets an order email (not a campaign) that bounces.
  const gus = await addSubscriber("gus", ["newsletter:offers"]);
  await sql`insert into email_messages (to_address, subject, template, reason, category, status, provider_message_id, sent_at)
            values (${gus.email.toUpperCase()}, 'Your order', 'order-confirmation', 'You placed an order.', 'transactional', 'sent', ${gus.messageId}, now())`;
});

afterAll(async () => {
  // Leave the shared database as it was for the other test files.
  await sql.begin(async (tx) => {
    await tx`select set_config('hearth.erasing', 'on', true)`;
    const ids = Object.values(people).map((p) => p.subscriberId);
    await tx`delete from campaigns where id = ${campaignId}`;
    await tx`delete from consent_events where subscriber_id in ${tx(ids)}`;
    await tx`delete from subscribers where id in ${tx(ids)}`;
    await tx`delete from email_messages where provider_message_id = ${people.gus!.messageId}`;
    await tx`delete from webhook_receipts where id in ${tx(receiptIds)}`;
  });
  const { suppressionHash } = await import("@/lib/privacy/erasure");
  await sql`delete from suppressions where email_hash in ${sql(Object.values(people).map((p) => suppressionHash(p.email)))}`;
  await sql.end();
});

describe("the Resend webhook refuses what it cannot trust, and changes nothing", () => {
  it("refuses a report without signature headers (400)", async () => {
    const before = await fingerprint();
    const { status, body } = await post(new Request("http://shop.test/api/webhooks/resend", { method: "POST", body: JSON.stringify(hardBounce(people.ada!.messageId)) }));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid" } });
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a forged signature: another secret, or a body changed after signing (401)", async () => {
    const before = await fingerprint();
    const otherSecret = `whsec_${Buffer.from("not-the-shops-secret-at-all-0123456789").toString("base64")}`;
    const forged = await post(report(hardBounce(people.ada!.messageId), { key: otherSecret }));
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: { code: "unauthorized" } });

    // Signed for Bea, then rewritten to name Ada.
    const signedForBea = report(event("email.delivered", people.bea!.messageId));
    const tampered = new Request(signedForBea.url, { method: "POST", headers: signedForBea.headers, body: JSON.stringify(hardBounce(people.ada!.messageId)) });
    expect((await post(tampered)).status).toBe(401);
    expect(await fingerprint()).toEqual(before);
    expect(await suppression(people.ada!.email)).toBeNull();
  });

  it("refuses a correctly signed report from more than 5 minutes ago, or from the future (401)", async () => {
    const before = await fingerprint();
    const stale = await post(report(hardBounce(people.ada!.messageId), { at: new Date(Date.now() - 6 * 60_000) }));
    expect(stale.status).toBe(401);
    expect(String((stale.body.error as { message: string }).message)).toMatch(/5 minutes/);
    const future = await post(report(hardBounce(people.ada!.messageId), { at: new Date(Date.now() + 6 * 60_000) }));
    expect(future.status).toBe(401);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a body over 256 KB before verifying it (413)", async () => {
    const before = await fingerprint();
    const huge = { ...event("email.delivered", people.ada!.messageId), padding: "x".repeat(300 * 1024) };
    const { status } = await post(report(huge));
    expect(status).toBe(413);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a signed body that is not an event (400)", async () => {
    const before = await fingerprint();
    expect((await post(report("not json"))).status).toBe(400);
    expect((await post(report({ data: { email_id: people.ada!.messageId } }))).status).toBe(400);
    expect(await fingerprint()).toEqual(before);
  });
});

describe("a signed report from Resend", () => {
  it("records a delivery on the campaign recipient (Standard Webhooks header names work too)", async () => {
    const { status, body } = await post(report(event("email.delivered", people.ada!.messageId), { headerPrefix: "webhook" }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ received: true, matched: true });
    const row = await recipient(people.ada!);
    expect(row.delivered_at).toBeInstanceOf(Date);
    expect(row).toMatchObject({ bounced_at: null, complained_at: null, status: "sent" });
    expect(await suppression(people.ada!.email)).toBeNull();
  });

  it("applies a replayed id once: the second delivery answers duplicate and changes nothing", async () => {
    const id = `msg_${randomUUID()}`;
    const first = await post(report(event("email.delivery_delayed", people.bea!.messageId), { id }));
    expect(first.status).toBe(200);
    const delayedAt = (await recipient(people.bea!)).delayed_at;
    expect(delayedAt).toBeInstanceOf(Date);

    const before = await fingerprint();
    // The same id again, even re-signed now with a different (worse) event.
    const replay = await post(report(hardBounce(people.bea!.messageId), { id }));
    expect(replay).toEqual({ status: 200, body: { duplicate: true } });
    expect(await fingerprint()).toEqual(before);
    expect(await suppression(people.bea!.email)).toBeNull();
  });

  it("applies one of two simultaneous deliveries of the same id", async () => {
    const id = `msg_${randomUUID()}`;
    const results = await Promise.all([post(report(hardBounce(people.fay!.messageId), { id })), post(report(hardBounce(people.fay!.messageId), { id }))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.filter((r) => r.body.duplicate === true)).toHaveLength(1);
    const withdrawals = (await ledger(people.fay!)).filter((e) => e.action === "withdrawn");
    expect(withdrawals).toHaveLength(2);
  });

  it("suppresses a hard-bounced address at once and withdraws its newsletters in the ledger (method bounce)", async () => {
    const cy = people.cy!;
    const { status } = await post(report(hardBounce(cy.messageId)));
    expect(status).toBe(200);
    expect((await recipient(cy)).bounced_at).toBeInstanceOf(Date);
    expect(await suppression(cy.email)).toBe("bounced");
    const withdrawn = (await ledger(cy)).filter((e) => e.action === "withdrawn");
    expect(withdrawn.map((e) => e.purpose).sort()).toEqual([...topics]);
    for (const e of withdrawn) expect(e).toMatchObject({ method: "bounce", source: "email-provider" });
    expect(withdrawn.map((e) => e.wording_id).sort()).toEqual(["newsletter-new-arrivals@2026-11", "newsletter-offers@2026-11"]);

    // The sending engine's own check now skips Cy for every topic.
    const { stillReachable } = await import("@/db/queries/audience");
    expect((await stillReachable([cy.subscriberId], "newsletter:offers")).get(cy.subscriberId)).toBe("suppressed");

    // A second, different report about the same email adds no ledger rows.
    const rows = (await ledger(cy)).length;
    await post(report(event("email.complained", cy.messageId)));
    expect((await ledger(cy)).length).toBe(rows);
    expect(await suppression(cy.email)).toBe("bounced");
  });

  it("suppresses on a spam complaint and withdraws with method complaint", async () => {
    const dee = people.dee!;
    expect((await post(report(event("email.complained", dee.messageId)))).status).toBe(200);
    expect((await recipient(dee)).complained_at).toBeInstanceOf(Date);
    expect(await suppression(dee.email)).toBe("complained");
    const withdrawn = (await ledger(dee)).filter((e) => e.action === "withdrawn");
    expect(withdrawn).toHaveLength(2);
    for (const e of withdrawn) expect(e).toMatchObject({ method: "complaint", source: "email-provider" });
  });

  it("only records a soft bounce: no suppression, no withdrawal", async () => {
    const eve = people.eve!;
    const soft = event("email.bounced", eve.messageId, { bounce: { type: "Transient", subType: "MailboxFull", message: "mailbox full" } });
    expect((await post(report(soft))).status).toBe(200);
    expect((await recipient(eve)).bounced_at).toBeInstanceOf(Date);
    expect(await suppression(eve.email)).toBeNull();
    expect((await ledger(eve)).every((e) => e.action === "granted")).toBe(true);
  });

  it("suppresses the address of a bounced order email too, read from the shop's own record", async () => {
    const gus = people.gus!;
    const { body } = await post(report(hardBounce(gus.messageId)));
    expect(body).toMatchObject({ received: true, matched: true });
    expect(await suppression(gus.email)).toBe("bounced");
    const withdrawn = (await ledger(gus)).filter((e) => e.action === "withdrawn");
    // Gus only had offers: only that is withdrawn.
    expect(withdrawn.map((e) => [e.purpose, e.method])).toEqual([["newsletter:offers", "bounce"]]);
  });

  it("records an unknown event type or an unknown email as received, and changes nothing else", async () => {
    const before = await fingerprint();
    const unknownType = await post(report({ type: "contact.created", created_at: new Date().toISOString(), data: { id: "c1", email: people.ada!.email } }));
    expect(unknownType).toEqual({ status: 200, body: { received: true, type: "contact.created", matched: false } });
    const unknownEmail = await post(report(hardBounce(randomUUID())));
    expect(unknownEmail.body).toMatchObject({ received: true, matched: false });
    const after = await fingerprint();
    expect(after.webhook_receipts).not.toEqual(before.webhook_receipts);
    expect({ ...after, webhook_receipts: "" }).toEqual({ ...before, webhook_receipts: "" });
  });
});

describe("switched off", () => {
  it("answers 404 when RESEND_WEBHOOK_SECRET is not set", async () => {
    vi.resetModules();
    delete process.env.RESEND_WEBHOOK_SECRET;
    try {
      const before = await fingerprint();
      const { POST } = await route();
      const response = await POST(report(hardBounce(people.ada!.messageId)));
      expect(response.status).toBe(404);
      expect(await fingerprint()).toEqual(before);
    } finally {
      process.env.RESEND_WEBHOOK_SECRET = secret;
      vi.resetModules();
    }
  });
});
