import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMailCapture, type MailCapture } from "../../scripts/lib/mail-capture";
import { testSql } from "../support/sql";

/*
 * "Email me when it's back" against a real database and the capture mail server: requests
 * become due in the stock change's own transaction, and each gets exactly one email however
 * many senders run at once. Only the staff session (for the product form) is replaced, and
 * Next's cache calls are dropped.
 */
type Person = { id: string; email: string; name: string | null; role: "customer" | "staff" };
/** Who the product page's action sees as signed in (null: a guest). */
const session = vi.hoisted(() => ({ shopper: null as Person | null }));
vi.mock("@/lib/auth/session", () => {
  const staff = { id: "staff-back-in-stock", email: "staff@example.com", name: "Sam", role: "staff" as const };
  return { requireUser: async () => staff, requirePermission: async () => staff, getSessionUser: async () => session.shopper };
});
vi.mock("next/cache", () => ({ revalidateTag: () => {} }));
// The connection's address, as the rate limiter reads it (one client for the whole file).
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let capture: MailCapture;
/** A signed-in shopper making requests for their own address. */
let shopperId: string;
beforeAll(async () => {
  const { upsertUserWithRole } = await import("@/db/queries/accounts");
  shopperId = (await upsertUserWithRole(`bis-shopper-${randomUUID().slice(0, 6)}@bis.test`, "customer")).user.id;
  capture = await startMailCapture();
  // Read once by lib/env.ts, exactly as the server does; set before the email module loads.
  process.env.RESEND_BASE_URL = capture.url;
});

const sql = testSql();
afterAll(async () => {
  await sql`delete from products where slug like 'bis-test-%'`;
  await sql.end();
  await capture.stop();
});

const load = async () => {
  const [queries, deliver, catalog, privacy, erasure, accounts, products, start] = await Promise.all([
    import("@/db/queries/back-in-stock"),
    import("@/lib/back-in-stock/deliver"),
    import("@/db/queries/catalog"),
    import("@/db/queries/privacy"),
    import("@/lib/privacy/erasure"),
    import("@/db/queries/accounts"),
    import("@/app/admin/products/actions"),
    import("@/lib/back-in-stock/request"),
  ]);
  return { ...queries, ...deliver, ...catalog, ...privacy, ...erasure, ...accounts, ...products, ...start };
};

async function makeVariant(stock = 0) {
  const slug = `bis-test-${randomUUID().slice(0, 8)}`;
  const sku = `BIS-${slug.slice(-8).toUpperCase()}`;
  const [product] = await sql`insert into products (slug, title, status, option_names) values (${slug}, 'Test mitts', 'published', '["Colour"]') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${sku}, '{"Colour":"Navy"}', 2800, 'GBP', ${stock}) returning id`;
  return { productId: product!.id as number, variantId: variant!.id as number, slug, sku };
}

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@bis.test`;
const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A request as the product page's action makes it: an account's own address, or a guest's awaiting its link. */
async function request(variantId: number, email: string, guest?: { token: string; expiresInMs?: number }) {
  const { createBackInStockRequest } = await load();
  return createBackInStockRequest({
    variantId,
    email,
    userId: guest ? null : shopperId,
    tokenHash: guest ? hash(guest.token) : null,
    tokenExpiresAt: guest ? new Date(Date.now() + (guest.expiresInMs ?? 7 * 86_400_000)) : null,
    wordingId: "back-in-stock@2026-11",
    clientHash: "client",
  });
}

async function setStock(sku: string, stock: number) {
  const { updateVariantStocks } = await load();
  await updateVariantStocks([{ sku, stock }]);
}

/** Emails the shop tried to send to an address (every call, idempotent replays included). */
const sentTo = async (email: string) => (await sql`select template from email_messages where to_address = ${email}`).map((r) => r.template as string);
const requestOf = async (variantId: number) => (await sql`select * from back_in_stock_requests where variant_id = ${variantId} order by created_at`)[0]!;

describe("back in stock", () => {
  it("a request becomes due with the stock change and gets exactly one email, even with two senders at once", async () => {
    const { deliverDueBackInStockEmails } = await load();
    const v = await makeVariant(0);
    const email = address("ada");
    expect(await request(v.variantId, email)).toBe("active");
    expect(await request(v.variantId, email)).toBe("already_active");

    expect(await deliverDueBackInStockEmails()).toBe(0);
    await setStock(v.sku, 3);
    expect((await requestOf(v.variantId)).due_at).not.toBeNull();

    const runs = await Promise.all([deliverDueBackInStockEmails(), deliverDueBackInStockEmails(), deliverDueBackInStockEmails()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sentTo(email)).toEqual(["back-in-stock"]);
    expect(capture.perAddress.get(email)).toBe(1);
    const row = await requestOf(v.variantId);
    expect(capture.sendKeys.filter((k) => k === `back-in-stock:${row.id}`)).toHaveLength(1);
    const mail = capture.messages.find((m) => m.to.includes(email))!;
    expect(mail.subject).toBe("Test mitts (Navy) is back in stock");
    expect(mail.text).toContain(`/products/${v.slug}?variant=${v.sku}`);
    // The request has ended and forgotten the address.
    expect(row).toMatchObject({ status: "notified", email: null, user_id: null, client_hash: null });

    // More stock later sends nothing more.
    await setStock(v.sku, 0);
    await setStock(v.sku, 8);
    expect(await deliverDueBackInStockEmails()).toBe(0);
    expect(await sentTo(email)).toHaveLength(1);
  });

  it("a stock change that rolls back makes nothing due (the mark is in the same transaction)", async () => {
    const v = await makeVariant(0);
    await request(v.variantId, address("rollback"));
    await sql
      .begin(async (tx) => {
        await tx`update product_variants set stock = 4 where id = ${v.variantId}`;
        expect((await tx`select due_at from back_in_stock_requests where variant_id = ${v.variantId}`)[0]!.due_at).not.toBeNull();
        throw new Error("crash before commit");
      })
      .catch(() => {});
    expect((await requestOf(v.variantId)).due_at).toBeNull();
  });

  it("the product form's stock edit makes requests due in its transaction and the email goes once", async () => {
    const { deliverDueBackInStockEmails, updateProductAction } = await load();
    const v = await makeVariant(0);
    const email = address("bea");
    await request(v.variantId, email);

    const form = new FormData();
    const values: Record<string, string> = {
      id: String(v.productId), title: "Test mitts", slug: v.slug, status: "published", summary: "", description: "", materials: "", care: "",
      optionNames: "Colour", "variants.0.id": String(v.variantId), "variants.0.sku": v.sku, "variants.0.price": "28.00",
      "variants.0.stock": "2", "variants.0.stockRead": "0", "variants.0.options.0": "Navy",
    };
    for (const [k, value] of Object.entries(values)) form.set(k, value);
    const saved = await updateProductAction(null, form);
    expect(saved.ok).toBe(true);
    expect((await requestOf(v.variantId)).due_at).not.toBeNull();

    // The action's own after-commit run sends it; a scheduled run at the same moment adds nothing.
    await deliverDueBackInStockEmails();
    await vi.waitFor(async () => expect(await requestOf(v.variantId)).toMatchObject({ status: "notified" }));
    expect(await sentTo(email)).toEqual(["back-in-stock"]);
  });

  it("sold out again before sending: the request keeps waiting, then goes when stock returns", async () => {
    const { deliverDueBackInStockEmails } = await load();
    const v = await makeVariant(0);
    const email = address("cai");
    await request(v.variantId, email);
    await setStock(v.sku, 2);
    await setStock(v.sku, 0);
    expect(await deliverDueBackInStockEmails()).toBe(0);
    expect(await requestOf(v.variantId)).toMatchObject({ status: "active", email });
    expect(await sentTo(email)).toEqual([]);
    await setStock(v.sku, 5);
    expect(await deliverDueBackInStockEmails()).toBe(1);
    expect(await sentTo(email)).toEqual(["back-in-stock"]);
  });

  it("a guest's request gets nothing until its link is confirmed; an expired link confirms nothing", async () => {
    const { deliverDueBackInStockEmails, confirmBackInStockRequest, getBackInStockConfirmation } = await load();
    const v = await makeVariant(0);
    const email = address("guest");
    const token = randomUUID();
    expect(await request(v.variantId, email, { token })).toBe("created");
    await setStock(v.sku, 4);
    expect(await deliverDueBackInStockEmails()).toBe(0);
    expect(await sentTo(email)).toEqual([]);
    expect(await requestOf(v.variantId)).toMatchObject({ status: "requested", due_at: null });

    // Confirmed while the option is on the shelf: due at once, one email.
    expect((await getBackInStockConfirmation(hash(token)))?.state).toBe("pending");
    expect(await confirmBackInStockRequest(hash(token))).toEqual({ ok: true, alreadyConfirmed: false, due: true });
    expect(await confirmBackInStockRequest(hash(token))).toEqual({ ok: true, alreadyConfirmed: true, due: false });
    expect(await deliverDueBackInStockEmails()).toBe(1);
    expect(await sentTo(email)).toEqual(["back-in-stock"]);
    expect((await getBackInStockConfirmation(hash(token)))).toBeNull();

    const late = await makeVariant(0);
    const lateEmail = address("late");
    const lateToken = randomUUID();
    await request(late.variantId, lateEmail, { token: lateToken, expiresInMs: -1000 });
    expect(await confirmBackInStockRequest(hash(lateToken))).toEqual({ ok: false, reason: "expired" });
    await setStock(late.sku, 3);
    expect(await deliverDueBackInStockEmails()).toBe(0);
    expect(await sentTo(lateEmail)).toEqual([]);
    expect(await confirmBackInStockRequest(hash("no-such-token"))).toEqual({ ok: false, reason: "invalid" });
    // The retention run forgets unconfirmed requests whose link has expired, and nothing else.
    const { runRetention } = await import("@/db/queries/retention");
    expect((await runRetention({ only: ["back-in-stock-unconfirmed"] }))[0]!.deleted).toBeGreaterThanOrEqual(1);
    expect(await sql`select id from back_in_stock_requests where email = ${lateEmail}`).toHaveLength(0);
  });

  it("the product page's request: the signed-in account's own address is live at once; any other address needs its link; rate-limited per address", async () => {
    const { startBackInStockRequest, upsertUserWithRole } = await load();
    const v = await makeVariant(0);
    const own = address("own");
    const { user } = await upsertUserWithRole(own, "customer");
    session.shopper = { id: user.id, email: own, name: null, role: "customer" };
    try {
      expect(await startBackInStockRequest({ variantId: v.variantId, email: own })).toBe("active");
      expect(await sentTo(own)).toEqual([]);
      const typed = address("typed");
      expect(await startBackInStockRequest({ variantId: v.variantId, email: typed })).toBe("check_email");
      expect(await sentTo(typed)).toEqual(["back-in-stock-confirm"]);
      const rows = await sql`select email, status, user_id from back_in_stock_requests where variant_id = ${v.variantId} order by created_at`;
      expect(rows.map((r) => [r.email, r.status, r.user_id])).toEqual([
        [own, "active", user.id],
        [typed, "requested", null],
      ]);
    } finally {
      session.shopper = null;
    }

    // A guest: each ask (re)sends the link, up to the address's daily limit; then nothing more is sent.
    const guest = address("limit");
    for (let i = 0; i < 5; i++) expect(await startBackInStockRequest({ variantId: v.variantId, email: guest })).toBe("check_email");
    expect(await startBackInStockRequest({ variantId: v.variantId, email: guest })).toBe("rate_limited");
    expect(await sentTo(guest)).toHaveLength(5);
    // Only the newest link works: one waiting request, its token replaced each time.
    expect(await sql`select id from back_in_stock_requests where email = ${guest}`).toHaveLength(1);
  });

  it("an option already on the shelf takes no request; a failed send is retried later, still only once", async () => {
    const { deliverDueBackInStockEmails } = await load();
    const inStock = await makeVariant(6);
    expect(await request(inStock.variantId, address("stale"))).toBe("in_stock");
    expect(await request(999_999_999, address("nowhere"))).toBe("not_found");

    const v = await makeVariant(0);
    const email = address("retry");
    await request(v.variantId, email);
    await setStock(v.sku, 1);
    capture.control({ failNext: 1 });
    expect(await deliverDueBackInStockEmails()).toBe(0);
    const failed = await requestOf(v.variantId);
    expect(failed).toMatchObject({ status: "active", attempts: 1 });
    expect(failed.last_error).toContain("Injected failure");
    // Held back for a while: an immediate run does not hammer the provider.
    expect(await deliverDueBackInStockEmails()).toBe(0);
    await sql`update back_in_stock_requests set locked_until = now() - interval '1 second' where id = ${failed.id}`;
    expect(await deliverDueBackInStockEmails()).toBe(1);
    expect(capture.perAddress.get(email)).toBe(1);
  });

  it("the privacy centre exports a person's requests and erasure removes them, leaving others' alone", async () => {
    const { upsertUserWithRole, exportPersonalData, erasePerson, createBackInStockRequest } = await load();
    const email = address("erin");
    const other = address("otto");
    const { user } = await upsertUserWithRole(email, "customer", "Erin");
    const a = await makeVariant(0);
    const b = await makeVariant(0);
    const base = { wordingId: "back-in-stock@2026-11", clientHash: "client" };
    await createBackInStockRequest({ ...base, variantId: a.variantId, email, userId: user.id, tokenHash: null, tokenExpiresAt: null });
    // Asked as a guest too, before signing in: found by address.
    await createBackInStockRequest({ ...base, variantId: b.variantId, email, userId: null, tokenHash: hash(randomUUID()), tokenExpiresAt: new Date(Date.now() + 60_000) });
    await createBackInStockRequest({ ...base, variantId: a.variantId, email: other, userId: null, tokenHash: hash(randomUUID()), tokenExpiresAt: new Date(Date.now() + 60_000) });

    const exported = await exportPersonalData(user.id);
    expect(exported?.backInStockRequests.map((r) => [r.sku, r.status, r.wordingId]).sort()).toEqual(
      [
        [a.sku, "active", "back-in-stock@2026-11"],
        [b.sku, "requested", "back-in-stock@2026-11"],
      ].sort(),
    );
    expect(JSON.stringify(exported)).not.toContain(other);

    await erasePerson(user.id, email);
    expect(await sql`select id from back_in_stock_requests where email = ${email} or user_id = ${user.id}`).toHaveLength(0);
    expect(await sql`select id from back_in_stock_requests where email = ${other}`).toHaveLength(1);
  });
});
