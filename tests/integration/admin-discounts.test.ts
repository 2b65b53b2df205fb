import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * Discount codes through the admin actions (adminAction: permission, transaction, audit) and
 * then through the checkout's own rule and order transaction. Only the session is replaced.
 */
const caller = vi.hoisted(() => ({ role: "staff" as string }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    requireUser: async () => ({ id: "staff-disc", email: "sam@example.com", name: "Sam", role: caller.role }),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return { id: "staff-disc", email: "sam@example.com", name: "Sam", role: caller.role };
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const redirects = vi.hoisted(() => [] as string[]);
vi.mock("next/navigation", () => ({ redirect: (to: string) => void redirects.push(to) }));

const { createDiscountAction, updateDiscountAction, setDiscountActiveAction } = await import("@/app/admin/discounts/actions");
const { getDiscount } = await import("@/db/queries/admin-discounts");
const { placeOrder, previewDiscount } = await import("@/db/queries/orders");

const sql = testSql();
const codes: string[] = [];
afterAll(async () => {
  await sql`delete from orders where discount_code in ${sql(codes.concat("-"))}`;
  await sql`delete from orders where email = 'discount-test@example.com'`;
  await sql`delete from discount_codes where code in ${sql(codes.concat("-"))}`;
  await sql`delete from products where slug like 'disc-test-%'`;
  await sql.end();
});
beforeEach(() => {
  caller.role = "staff";
});

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

function newCode() {
  const code = `T${randomUUID().slice(0, 8).toUpperCase()}`;
  codes.push(code);
  return code;
}

async function create(fields: Record<string, string | number>) {
  return createDiscountAction(null, form({ kind: "percent", value: "10", minSubtotal: "", usageLimit: "", startsOn: "", endsOn: "", ...fields }));
}

async function idOf(code: string) {
  const [row] = await sql`select id from discount_codes where code = ${code}`;
  return row!.id as number;
}

/** Orders carrying the code, as the checkout would have left them (status as given). */
async function ordersWith(code: string, statuses: string[]) {
  for (const status of statuses) {
    await sql`
      insert into orders (email, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
        subtotal_amount, discount_amount, discount_code, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, status)
      values ('discount-test@example.com', 'D', 'L', 'C', 'P', 'GB', 'standard', 'GBP', 5000, 500, ${code}, 0, 750, 4500, true, 'manual', ${randomUUID()}, 'fp', ${status})`;
  }
}

async function variant(price: number) {
  const slug = `disc-test-${randomUUID().slice(0, 8)}`;
  const [product] = await sql`insert into products (slug, title, status) values (${slug}, ${slug}, 'published') returning id`;
  const [v] = await sql`insert into product_variants (product_id, sku, options, price_amount, currency, stock) values (${product!.id}, ${slug.toUpperCase()}, '{}', ${price}, 'GBP', 100) returning id`;
  return v!.id as number;
}

function checkout(variantId: number, discountCode: string) {
  return placeOrder({
    idempotencyKey: randomUUID(),
    email: "discount-test@example.com",
    shipping: { name: "Ada", line1: "1 Road", line2: "", city: "London", postalCode: "SW1A 1AA", country: "GB" },
    shippingMethod: "standard",
    discountCode,
    items: [{ variantId, quantity: 1 }],
    newsletterOptIn: false,
    paymentProvider: "manual",
  });
}

describe("creating discount codes", () => {
  it("stores the code upper-case, money in minor units and the last day inclusive, on record in the audit log", async () => {
    const code = newCode();
    const result = await create({ code: code.toLowerCase(), kind: "fixed", value: "4.50", minSubtotal: "20", usageLimit: "3", startsOn: "2026-06-01", endsOn: "2026-06-30" });
    expect(result).toMatchObject({ ok: true, data: { code } });
    const [row] = await sql`select code, kind, value, currency, min_subtotal, usage_limit, used_count, active, starts_at, expires_at from discount_codes where code = ${code}`;
    expect(row).toMatchObject({ code, kind: "fixed", value: 450, currency: "GBP", min_subtotal: 2000, usage_limit: 3, used_count: 0, active: true });
    // London is on summer time in June: the code starts at 23:00 UTC the evening before, and ends at the end of 30 June there.
    expect(new Date(row!.starts_at).toISOString()).toBe("2026-05-31T23:00:00.000Z");
    expect(new Date(row!.expires_at).toISOString()).toBe("2026-06-30T23:00:00.000Z");
    const audit = await sql`select action, entity_id, summary from audit_log where action = 'discount.create' and entity_id = ${String(await idOf(code))}`;
    expect(audit).toEqual([{ action: "discount.create", entity_id: String(await idOf(code)), summary: `Created discount code ${code}` }]);
  });

  it("refuses a duplicate code, whatever its case, with a message on the code field", async () => {
    const code = newCode();
    expect((await create({ code })).ok).toBe(true);
    const again = await create({ code: code.toLowerCase(), value: "50" });
    expect(again).toMatchObject({ ok: false, code: "conflict", fieldErrors: { code: [`${code} is already taken.`] } });
    expect(again.ok ? "" : again.message).toContain(`The code ${code} already exists`);
    const [row] = await sql`select count(*)::int as n, min(value) as value from discount_codes where code = ${code}`;
    expect(row).toEqual({ n: 1, value: 10 });
  });

  it("reports every bad field at once and stores nothing", async () => {
    const code = newCode();
    const result = await create({ code: "not a code!", value: "150", minSubtotal: "abc", usageLimit: "0", startsOn: "2026-07-10", endsOn: "2026-07-01" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["code", "endsOn", "minSubtotal", "usageLimit", "value"]);
    expect(result.fieldErrors?.value).toEqual(["Enter a whole percentage from 1 to 100."]);
    expect(await sql`select 1 from discount_codes where code = ${code}`).toHaveLength(0);
  });

  it("refuses a marketer (no discounts:write) before anything is stored", async () => {
    caller.role = "marketer";
    const code = newCode();
    expect(await create({ code })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await sql`select 1 from discount_codes where code = ${code}`).toHaveLength(0);
  });
});

describe("use limits", () => {
  it("cannot go below the uses already made, counted from the orders when the code had no limit", async () => {
    const code = newCode();
    await create({ code });
    const id = await idOf(code);
    // Three orders used it; a fourth was cancelled, which gives its use back.
    await ordersWith(code, ["paid", "awaiting_payment", "fulfilled", "cancelled"]);
    const terms = { id, kind: "percent", value: "10", minSubtotal: "", startsOn: "", endsOn: "" };

    const refused = await updateDiscountAction(null, form({ ...terms, usageLimit: "2" }));
    expect(refused).toMatchObject({ ok: false, code: "conflict", message: `${code} has been used 3 times already, so its limit cannot be lower than 3.` });
    expect((await sql`select usage_limit, used_count from discount_codes where id = ${id}`)[0]).toEqual({ usage_limit: null, used_count: 0 });

    expect(await updateDiscountAction(null, form({ ...terms, usageLimit: "3" }))).toMatchObject({ ok: true });
    expect((await sql`select usage_limit, used_count from discount_codes where id = ${id}`)[0]).toEqual({ usage_limit: 3, used_count: 3 });
    // The checkout now sees it as used up.
    expect(await previewDiscount(code, 5000, "GBP")).toEqual({ ok: false, message: `“${code}” has been used up.` });
    expect(await getDiscount(id)).toMatchObject({ uses: 3, usageLimit: 3, revenue: 9000 });
  });

  it("a limited code counts checkout uses, and its limit cannot then be lowered below them", async () => {
    const code = newCode();
    await create({ code, usageLimit: "5" });
    const id = await idOf(code);
    const v = await variant(3000);
    expect((await checkout(v, code)).ok).toBe(true);
    expect((await checkout(v, code)).ok).toBe(true);
    const terms = { id, kind: "percent", value: "10", minSubtotal: "", startsOn: "", endsOn: "" };
    expect(await updateDiscountAction(null, form({ ...terms, usageLimit: "1" }))).toMatchObject({ ok: false, code: "conflict", fieldErrors: { usageLimit: ["At least 2: the uses already made."] } });
    expect(await updateDiscountAction(null, form({ ...terms, usageLimit: "2" }))).toMatchObject({ ok: true });
    const third = await checkout(v, code);
    expect(third).toMatchObject({ ok: false, code: "discount_invalid" });
  });
});

describe("editing and switching codes off", () => {
  it("a shopper can use a new code, not once it is disabled, and again once enabled; each change is audited", async () => {
    const code = newCode();
    await create({ code, kind: "fixed", value: "5", minSubtotal: "10" });
    const id = await idOf(code);
    const v = await variant(2000);
    const used = await checkout(v, code.toLowerCase());
    expect(used.ok).toBe(true);
    if (used.ok) expect(used.order.totals.discount).toBe(500);

    expect(await setDiscountActiveAction(null, form({ id, active: "off" }))).toMatchObject({ ok: true, data: { active: false } });
    expect(await checkout(v, code)).toMatchObject({ ok: false, code: "discount_invalid" });
    // A double click on "Disable" changes nothing more.
    expect(await setDiscountActiveAction(null, form({ id, active: "off" }))).toMatchObject({ ok: true, message: `${code} was already disabled.` });
    expect(await setDiscountActiveAction(null, form({ id, active: "on" }))).toMatchObject({ ok: true });

    expect(await updateDiscountAction(null, form({ id, kind: "percent", value: "25", minSubtotal: "", usageLimit: "", startsOn: "", endsOn: "" }))).toMatchObject({ ok: true });
    const again = await checkout(v, code);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.order.totals.discount).toBe(500);
    const actions = await sql`select action, before, after from audit_log where entity_type = 'discount' and entity_id = ${String(id)} order by id`;
    expect(actions.map((a) => a.action)).toEqual(["discount.create", "discount.disable", "discount.disable", "discount.enable", "discount.update"]);
    expect(actions[4]!.before).toMatchObject({ kind: "fixed", value: 500 });
    expect(actions[4]!.after).toMatchObject({ kind: "percent", value: 25 });
  });

  it("a code that no longer exists is a clear refusal", async () => {
    expect(await setDiscountActiveAction(null, form({ id: 999999999, active: "off" }))).toMatchObject({ ok: false, code: "not_found", message: "That discount code no longer exists." });
  });
});
