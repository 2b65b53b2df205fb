import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * The customer list's search and sort, and erasure from the admin: the privacy centre's own
 * erasure inside the staff member's audited transaction, with exactly the result the shopper
 * gets by deleting their account themselves. Only the session is replaced.
 */
const caller = vi.hoisted(() => ({ role: "staff" as string, recent: true }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    requireUser: async () => ({ id: "staff-cust", email: "sam@example.com", name: "Sam", role: caller.role }),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return { id: "staff-cust", email: "sam@example.com", name: "Sam", role: caller.role };
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    requireRecentSignIn: async () => {
      if (!caller.recent) throw new AppError("unauthorized", "For your safety, confirm it is you first.");
    },
  };
});
const redirects = vi.hoisted(() => [] as string[]);
vi.mock("next/navigation", () => ({ redirect: (to: string) => void redirects.push(to) }));

const { eraseCustomerAction } = await import("@/app/admin/customers/actions");
const { listCustomers, getCustomer } = await import("@/db/queries/admin-customers");
const { createAddress, upsertUserWithRole } = await import("@/db/queries/accounts");
const { recordConsentChange, requestNewsletterSubscription } = await import("@/db/queries/consent");
const { erasePerson } = await import("@/lib/privacy/erasure");

const sql = testSql();
const marker = `cu${randomUUID().slice(0, 6)}`;
afterAll(async () => {
  for (const u of await sql`select id, email from users where email like ${`%${marker}%`}`) await erasePerson(u.id as string, u.email as string);
  await sql`delete from orders where email like ${`%${marker}%`}`;
  await sql.end();
});
beforeEach(() => {
  caller.role = "staff";
  caller.recent = true;
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function order(email: string, userId: string | null, total: number, status = "paid"): Promise<string> {
  const [row] = await sql`
    insert into orders (email, user_id, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
      subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, status)
    values (${email}, ${userId}, ${`${marker} Name`}, ${`${marker} Street`}, 'Town', 'AB1 2CD', 'GB', 'standard', 'GBP', ${total}, 0, 0, ${total}, true, 'manual', ${randomUUID()}, 'fp', ${status}) returning id`;
  return row!.id as string;
}

/** A customer with an account, an address, an order, a newsletter request and a consent. */
async function person(label: string) {
  const tag = `${marker}${label}`;
  const email = `${tag.toLowerCase()}@customers.test`;
  const { user } = await upsertUserWithRole(email, "customer", `${tag} Person`);
  await createAddress(user.id, { name: `${tag} Person`, line1: `${tag} Street`, line2: "", city: `${tag}ton`, postalCode: "AB1 2CD", country: "GB" }, true);
  const orderId = await order(email, user.id, 2500);
  await requestNewsletterSubscription({ email, topics: ["newsletter:offers"], wordingId: "w", source: "footer", tokenHash: `th-${tag}`, expiresAt: new Date(Date.now() + 60_000), clientHash: "ch" });
  await recordConsentChange({ userId: user.id }, { purpose: "personalisation", granted: true, wordingId: "p", source: "privacy-centre", method: "privacy_centre" });
  await sql`insert into sessions (session_token, user_id, expires) values (${`tok-${tag}`}, ${user.id}, now() + interval '1 day')`;
  return { id: user.id, email, tag, orderId };
}

/** What is left of a person after erasure, in terms that do not depend on who they were. */
async function remains(p: { id: string; email: string; tag: string; orderId: string }) {
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
  return {
    user: await count(sql`select count(*)::int as n from users where id = ${p.id}`),
    addresses: await count(sql`select count(*)::int as n from addresses where user_id = ${p.id}`),
    sessions: await count(sql`select count(*)::int as n from sessions where user_id = ${p.id}`),
    consents: await count(sql`select count(*)::int as n from consent_events where user_id = ${p.id}`),
    subscribers: await count(sql`select count(*)::int as n from subscribers where email = ${p.email}`),
    ordersWithEmail: await count(sql`select count(*)::int as n from orders where email = ${p.email} or shipping_name like ${`${p.tag}%`}`),
    order: (await sql`select email, shipping_name, shipping_line1, user_id, total_amount from orders where id = ${p.orderId}`)[0],
  };
}

describe("the customer list", () => {
  it("finds customers by any part of their email or name, in any case, and never lists staff", async () => {
    const { user: ann } = await upsertUserWithRole(`ann.${marker}@search.test`, "customer", "Annabel Quist");
    const { user: bob } = await upsertUserWithRole(`bob.${marker}@search.test`, "customer", `Bob ${marker.toUpperCase()}`);
    await upsertUserWithRole(`staffer.${marker}@search.test`, "staff", "Staff Member");
    await order(`ann.${marker}@search.test`, ann.id, 1000);
    await order(`ann.${marker}@search.test`, ann.id, 3000);
    await order(`ann.${marker}@search.test`, ann.id, 9999, "cancelled");
    await order(`bob.${marker}@search.test`, bob.id, 500);

    const search = (q: string, sort: "joined" | "spent" | "orders" = "joined", dir: "asc" | "desc" = "desc") => listCustomers({ q, sort, dir, page: 1 }, { currency: "GBP" });
    expect((await search(marker)).customers.map((c) => c.id).sort()).toEqual([ann.id, bob.id].sort());
    expect((await search(marker)).total).toBe(2);
    expect((await search(`ANN.${marker}`)).customers.map((c) => c.id)).toEqual([ann.id]);
    expect((await search("annabel q")).customers.map((c) => c.id)).toEqual([ann.id]);
    expect((await search(`staffer.${marker}`)).customers).toEqual([]);
    // LIKE's wildcards are matched as themselves, not as "anything".
    expect((await search(`%${marker}`)).customers).toEqual([]);
    expect((await search(`ann_${marker}`)).customers).toEqual([]);

    const bySpent = await search(marker, "spent");
    expect(bySpent.customers.map((c) => [c.id, c.orders, c.spent])).toEqual([
      [ann.id, 3, 4000],
      [bob.id, 1, 500],
    ]);
    expect((await search(marker, "orders", "asc")).customers.map((c) => c.id)).toEqual([bob.id, ann.id]);
    expect(await getCustomer(ann.id, "GBP")).toMatchObject({ orders: 3, spent: 4000, name: "Annabel Quist" });
  });

  it("pages through the results", async () => {
    const page = (n: number) => listCustomers({ q: `page-${marker}`, sort: "joined", dir: "asc", page: n }, { currency: "GBP", perPage: 2 });
    for (const i of [1, 2, 3]) await upsertUserWithRole(`page-${marker}-${i}@search.test`, "customer", `Page ${i}`);
    expect((await page(1)).customers.map((c) => c.name)).toEqual(["Page 1", "Page 2"]);
    expect((await page(2)).customers.map((c) => c.name)).toEqual(["Page 3"]);
    expect((await page(2)).total).toBe(3);
  });
});

describe("erasing a customer from the admin", () => {
  it("leaves exactly what the shopper's own account deletion leaves, and audits it without their details", async () => {
    const shopper = await person("Self");
    const requested = await person("Req");
    await erasePerson(shopper.id, shopper.email);
    const result = await eraseCustomerAction(null, form({ id: requested.id }));
    expect(result).toEqual({ ok: true, data: { ordersKept: 1 } });
    expect(redirects.at(-1)).toBe("/admin/customers?erased=1");

    const expected = {
      user: 0,
      addresses: 0,
      sessions: 0,
      consents: 0,
      subscribers: 0,
      ordersWithEmail: 0,
      order: { email: "erased@erased.invalid", shipping_name: "Erased customer", shipping_line1: "Erased", user_id: null, total_amount: 2500 },
    };
    expect(await remains(shopper)).toEqual(expected);
    expect(await remains(requested)).toEqual(expected);
    const [suppressed] = await sql`select count(*)::int as n from suppressions where reason = 'account_deleted' and created_at > now() - interval '1 minute'`;
    expect(suppressed!.n).toBeGreaterThanOrEqual(2);

    const audit = await sql`select actor_id, action, entity_type, entity_id, summary, before, after from audit_log where entity_id = ${requested.id}`;
    expect(audit).toEqual([
      {
        actor_id: "staff-cust",
        action: "customer.erase",
        entity_type: "customer",
        entity_id: requested.id,
        summary: `Erased customer ${requested.id} on request (privacy-centre erasure); 1 order kept without personal details`,
        before: null,
        after: { ordersKept: 1 },
      },
    ]);
    const [leak] = await sql`select count(*)::int as n from audit_log where summary ilike ${`%${requested.tag}%`} or before::text ilike ${`%${requested.tag}%`} or after::text ilike ${`%${requested.tag}%`}`;
    expect(leak!.n).toBe(0);

    // Erasing again (a double click, a second tab) is a clear refusal, not a second entry.
    expect(await eraseCustomerAction(null, form({ id: requested.id }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await sql`select 1 from audit_log where entity_id = ${requested.id}`).toHaveLength(1);
  });

  it("refuses a staff account, a stale sign-in and a role without customers:erase, changing nothing", async () => {
    const { user: staffer } = await upsertUserWithRole(`staff2.${marker}@customers.test`, "staff", "Staff Two");
    expect(await eraseCustomerAction(null, form({ id: staffer.id }))).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("staff account") });

    const kept = await person("Kept");
    caller.recent = false;
    expect(await eraseCustomerAction(null, form({ id: kept.id }))).toMatchObject({ ok: false, code: "unauthorized" });
    caller.recent = true;
    caller.role = "marketer";
    expect(await eraseCustomerAction(null, form({ id: kept.id }))).toMatchObject({ ok: false, code: "forbidden" });

    expect(await remains(kept)).toMatchObject({ user: 1, addresses: 1, sessions: 1, consents: 1, subscribers: 1, ordersWithEmail: 1 });
    expect(await sql`select 1 from users where id = ${staffer.id}`).toHaveLength(1);
    expect(await sql`select 1 from audit_log where entity_id in ${sql([staffer.id, kept.id])}`).toHaveLength(0);
  });
});
