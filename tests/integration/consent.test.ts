import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { changeUserEmail, upsertUserWithRole } from "@/db/queries/accounts";
import {
  confirmNewsletterSubscription,
  getConsentStates,
  getSubscriberForUser,
  importSubscriber,
  listConsentHistory,
  recordConsentChange,
  requestNewsletterSubscription,
  setSubscriberTopics,
  setTopicForUser,
} from "@/db/queries/consent";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { suppressionHash } from "@/lib/privacy/erasure";
import { testSql } from "../support/sql";

const sql = testSql();
afterAll(() => sql.end());

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@consent.test`;
const change = (purpose: string, granted: boolean) => ({ purpose, granted, wordingId: `${purpose}@test`, source: "privacy-centre", method: "privacy_centre" as const });

describe("the consent ledger", () => {
  it("derives the current state from the latest event per purpose, even under concurrent toggles", async () => {
    const { user } = await upsertUserWithRole(address("racer"), "customer");
    // 40 switches at once, each asking for on or off.
    const wanted = Array.from({ length: 40 }, (_, i) => i % 3 !== 0);
    await Promise.all(wanted.map((granted) => recordConsentChange({ userId: user.id }, change("personalisation", granted))));

    const history = await listConsentHistory({ userId: user.id });
    const events = history.filter((e) => e.purpose === "personalisation");
    expect(events.length).toBeGreaterThan(0);
    // Never two identical events in a row: a repeat of the current state records nothing.
    for (let i = 1; i < events.length; i++) expect(events[i]!.action).not.toBe(events[i - 1]!.action);
    const states = await getConsentStates({ userId: user.id }, ["personalisation"]);
    expect(states.get("personalisation")?.granted).toBe(events.at(-1)!.action === "granted");
    // And the derived state agrees with a plain "latest row" query on the table itself.
    const [latest] = await sql`select action from consent_events where user_id = ${user.id} and purpose = 'personalisation' order by id desc limit 1`;
    expect(states.get("personalisation")?.granted).toBe(latest!.action === "granted");
  });

  it("starts with nothing granted, and a withdrawal before any grant records nothing", async () => {
    const { user } = await upsertUserWithRole(address("fresh"), "customer");
    expect((await getConsentStates({ userId: user.id }, ["personalisation"])).size).toBe(0);
    expect(await recordConsentChange({ userId: user.id }, change("personalisation", false))).toEqual({ changed: false });
    expect(await listConsentHistory({ userId: user.id })).toEqual([]);
  });

  it("refuses to change or delete an event outside an account erasure", async () => {
    const { user } = await upsertUserWithRole(address("evidence"), "customer");
    await recordConsentChange({ userId: user.id }, change("personalisation", true));
    await expect(sql`update consent_events set action = 'withdrawn' where user_id = ${user.id}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from consent_events where user_id = ${user.id}`).rejects.toThrow(/erasure/);
    const states = await getConsentStates({ userId: user.id }, ["personalisation"]);
    expect(states.get("personalisation")?.granted).toBe(true);
  });
});

describe("newsletter double opt-in", () => {
  const token = () => `hash-${randomUUID()}`;

  it("records the request, grants only on confirmation, and a second click changes nothing", async () => {
    const email = address("reader");
    const tokenHash = token();
    const { subscriberId } = await requestNewsletterSubscription({
      email,
      topics: ["newsletter:new-arrivals"],
      wordingId: "newsletter-signup@test",
      source: "links-page",
      tokenHash,
      expiresAt: new Date(Date.now() + 3_600_000),
      clientHash: "client-hash",
    });
    expect((await getConsentStates({ subscriberId }, ["newsletter:new-arrivals"])).size).toBe(0);

    const confirmed = await confirmNewsletterSubscription(tokenHash, null);
    expect(confirmed).toMatchObject({ ok: true, alreadyConfirmed: false, topics: ["newsletter:new-arrivals"], source: "links-page" });
    expect((await getConsentStates({ subscriberId }, ["newsletter:new-arrivals"])).get("newsletter:new-arrivals")).toMatchObject({ granted: true, source: "links-page", method: "double_opt_in" });
    expect((await listConsentHistory({ subscriberId })).map((e) => [e.action, e.method])).toEqual([
      ["requested", "checkbox"],
      ["granted", "double_opt_in"],
    ]);

    expect(await confirmNewsletterSubscription(tokenHash, null)).toMatchObject({ ok: true, alreadyConfirmed: true });
    expect(await listConsentHistory({ subscriberId })).toHaveLength(2);
  });

  it("refuses an expired or unknown confirmation and grants nothing", async () => {
    const email = address("late");
    const tokenHash = token();
    const { subscriberId } = await requestNewsletterSubscription({ email, topics: ["newsletter:offers"], wordingId: "w", source: "footer", tokenHash, expiresAt: new Date(Date.now() - 1000), clientHash: null });
    expect(await confirmNewsletterSubscription(tokenHash, null)).toEqual({ ok: false, reason: "expired" });
    expect(await confirmNewsletterSubscription(token(), null)).toEqual({ ok: false, reason: "invalid" });
    expect((await getConsentStates({ subscriberId }, ["newsletter:offers"])).size).toBe(0);
  });

  it("lets the preference page switch topics and unsubscribe, recording each change once", async () => {
    const email = address("prefs");
    const tokenHash = token();
    const { subscriberId } = await requestNewsletterSubscription({ email, topics: ["newsletter:new-arrivals", "newsletter:offers"], wordingId: "w", source: "footer", tokenHash, expiresAt: new Date(Date.now() + 60_000), clientHash: null });
    await confirmNewsletterSubscription(tokenHash, null);
    const off = (purpose: string) => ({ purpose, granted: false, wordingId: "w", source: "preferences-page", method: "preference_page" as const });
    expect(await setSubscriberTopics(subscriberId, [off("newsletter:offers")])).toEqual({ changed: 1 });
    expect(await setSubscriberTopics(subscriberId, [off("newsletter:offers")])).toEqual({ changed: 0 });
    const states = await getConsentStates({ subscriberId }, ["newsletter:new-arrivals", "newsletter:offers"]);
    expect(states.get("newsletter:new-arrivals")?.granted).toBe(true);
    expect(states.get("newsletter:offers")?.granted).toBe(false);
  });

  it("a signed-in person's switch creates their subscription without a second confirmation", async () => {
    const email = address("member");
    const { user } = await upsertUserWithRole(email, "customer");
    await setTopicForUser(user.id, email, { ...change("newsletter:offers", true) });
    const [subscriber] = await sql`select id, confirmed_at, user_id from subscribers where email = ${email}`;
    expect(subscriber!.user_id).toBe(user.id);
    expect(subscriber!.confirmed_at).not.toBeNull();
    expect((await getConsentStates({ subscriberId: subscriber!.id }, ["newsletter:offers"])).get("newsletter:offers")?.granted).toBe(true);
  });
});

describe("abuse limits and suppression", () => {
  it("allows a few confirmation emails per address, then refuses without counting the refusal", async () => {
    const key = `addr-${randomUUID()}`;
    const rule = { bucket: "test:address", keyHash: key, limit: 3, windowMinutes: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimits([rule]));
    expect(results.map((r) => r === null)).toEqual([true, true, true, false, false]);
    const [row] = await sql`select count(*)::int as n from rate_limit_hits where key_hash = ${key}`;
    expect(row!.n).toBe(3);
  });

  it("never re-imports an address on the suppression list, and keeps no address there", async () => {
    const email = address("gone");
    const hash = suppressionHash(email);
    await sql`insert into suppressions (email_hash, reason) values (${hash}, 'account_deleted')`;
    expect(await importSubscriber(email, hash)).toBe("suppressed");
    const [found] = await sql`select count(*)::int as n from subscribers where email = ${email}`;
    expect(found!.n).toBe(0);
    const [stored] = await sql`select count(*)::int as n from suppressions where email_hash like ${`%${email}%`}`;
    expect(stored!.n).toBe(0);
    const other = address("new");
    expect(await importSubscriber(other, suppressionHash(other))).toBe("added");
  });
});

describe("changing the account's email address", () => {
  it("keeps a subscription made with the old address linked to the account", async () => {
    const before = address("before");
    const after = address("after");
    const { user } = await upsertUserWithRole(before, "customer");
    const { subscriberId } = await requestNewsletterSubscription({ email: before, topics: ["newsletter:offers"], wordingId: "w", source: "footer", tokenHash: `hash-${randomUUID()}`, expiresAt: new Date(Date.now() + 60_000), clientHash: null });
    expect(await changeUserEmail(user.id, before, after)).toBe("changed");
    expect((await getSubscriberForUser(user.id, after))?.id).toBe(subscriberId);
    // The link was for the old address: it cannot move the account again.
    expect(await changeUserEmail(user.id, before, address("third"))).toBe("stale");
  });
});

describe("who a subscription belongs to", () => {
  it("joins an account only when the account's own address is the subscribed one, never a stranger's typed at checkout", async () => {
    const strangerEmail = address("stranger");
    const { subscriberId } = await requestNewsletterSubscription({ email: strangerEmail, topics: ["newsletter:offers"], wordingId: "w", source: "footer", tokenHash: `th-${randomUUID()}`, expiresAt: new Date(Date.now() + 60_000), clientHash: null });
    const { user: customer } = await upsertUserWithRole(address("customer"), "customer");

    // The customer asks to subscribe the stranger's address while signed in (as the checkout box did).
    await requestNewsletterSubscription({ email: strangerEmail, topics: ["newsletter:new-arrivals"], wordingId: "w", source: "checkout", tokenHash: `th-${randomUUID()}`, expiresAt: new Date(Date.now() + 60_000), clientHash: null, userId: customer.id });
    const [row] = await sql`select user_id from subscribers where id = ${subscriberId}`;
    expect(row!.user_id).toBeNull();
    const [linkedEvents] = await sql`select count(*)::int as n from consent_events where subscriber_id = ${subscriberId} and user_id is not null`;
    expect(linkedEvents!.n).toBe(0);
    expect(await getSubscriberForUser(customer.id, customer.email)).toBeNull();
    expect(await listConsentHistory({ userId: customer.id })).toEqual([]);

    // With the account's own address, the subscription is the account's.
    const own = await requestNewsletterSubscription({ email: customer.email, topics: ["newsletter:offers"], wordingId: "w", source: "checkout", tokenHash: `th-${randomUUID()}`, expiresAt: new Date(Date.now() + 60_000), clientHash: null, userId: customer.id });
    expect((await getSubscriberForUser(customer.id, customer.email))?.id).toBe(own.subscriberId);
    const [ownRow] = await sql`select user_id from subscribers where id = ${own.subscriberId}`;
    expect(ownRow!.user_id).toBe(customer.id);
  });
});
