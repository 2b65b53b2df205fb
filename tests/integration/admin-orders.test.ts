import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { placeOrder } from "@/db/queries/orders";
import { testSql } from "../support/sql";

/*
 * The order desk's status changes against a real database, through the server actions
 * themselves (adminAction, the row lock, the state machine, the outbox, the audit log). Only
 * the session (Auth.js needs a request) and Next's request-bound helpers are replaced.
 */
const caller = vi.hoisted(() => ({ id: "", role: "staff" as string }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return { id: caller.id, email: "staff@emberandoak.example", name: "Sam Packer", role: caller.role };
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));
const expired = vi.hoisted(() => ({ tags: [] as string[] }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: (tag: string) => expired.tags.push(tag), updateTag: () => {} }));
// Sending the email sooner is left to the outbox sweeper here: what matters is that it is owed.
vi.mock("next/server", () => ({ after: () => {} }));

const actions = await import("@/app/admin/orders/actions");

const sql = testSql();
const [staffUser] = await sql`select id from users where email = 'staff@emberandoak.example'`;
caller.id = staffUser!.id as string;

afterAll(async () => {
  await sql`delete from orders where id in (select order_id from order_items oi join product_variants v on v.id = oi.variant_id join products p on p.id = v.product_id where p.slug like 'desk-test-%')`;
  await sql`delete from products where slug like 'desk-test-%'`;
  await sql`delete from discount_codes where code like 'DESKTEST%'`;
  await sql.end();
});
beforeEach(() => {
  caller.role = "staff";
  expired.tags = [];
});

async function makeVariant(stock: number) {
  const slug = `desk-test-${randomUUID().slice(0, 8)}`;
  const [product] = await sql`insert into products (slug, title, status) values (${slug}, ${`Desk ${slug}`}, 'published') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${slug.toUpperCase()}, '{}', 2500, 'GBP', ${stock}) returning id`;
  return { id: variant!.id as number, slug, sku: slug.toUpperCase() };
}

async function newOrder(options: { stock?: number; quantity?: number; discountCode?: string } = {}) {
  const variant = await makeVariant(options.stock ?? 10);
  const result = await placeOrder({
    idempotencyKey: randomUUID(),
    email: "ada@example.com",
    shipping: { name: "Ada Lovelace", line1: "12 St James's Square", line2: "", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
    shippingMethod: "standard",
    discountCode: options.discountCode ?? null,
    items: [{ variantId: variant.id, quantity: options.quantity ?? 1 }],
    newsletterOptIn: false,
    paymentProvider: "manual",
  });
  if (!result.ok) throw new Error(result.message);
  return { order: result.order, variant };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const step = (orderId: string, expectedStatus: string, extra: Record<string, string> = {}) => form({ orderId, expectedStatus, ...extra });

async function history(orderId: string) {
  return sql`select status, actor_id, actor_label, carrier, tracking_number, amount, reason from order_events where order_id = ${orderId} order by id`;
}
async function statusOf(orderId: string) {
  const [row] = await sql`select status, paid_at, refunded_amount from orders where id = ${orderId}`;
  return row!;
}

/** Walks an order to `status` through the real actions. */
async function advance(orderId: string, to: "paid" | "fulfilled" | "shipped" | "delivered") {
  const path = ["paid", "fulfilled", "shipped", "delivered"] as const;
  let from = "awaiting_payment";
  for (const next of path.slice(0, path.indexOf(to) + 1)) {
    const result =
      next === "paid"
        ? await actions.markOrderPaidAction(null, step(orderId, from))
        : next === "fulfilled"
          ? await actions.fulfilOrderAction(null, step(orderId, from))
          : next === "shipped"
            ? await actions.shipOrderAction(null, step(orderId, from, { carrier: "Royal Mail", trackingNumber: "RM 1234 5678 GB" }))
            : await actions.deliverOrderAction(null, step(orderId, from));
    expect(result, `to ${next}`).toMatchObject({ ok: true });
    from = next;
  }
}

describe("order status changes", () => {
  it("records each step with the staff member, and the shipment on the shipped step", async () => {
    const { order } = await newOrder();
    await advance(order.id, "shipped");
    expect(await history(order.id)).toEqual([
      { status: "awaiting_payment", actor_id: null, actor_label: null, carrier: null, tracking_number: null, amount: null, reason: null },
      { status: "paid", actor_id: caller.id, actor_label: "Sam Packer", carrier: null, tracking_number: null, amount: null, reason: null },
      { status: "fulfilled", actor_id: caller.id, actor_label: "Sam Packer", carrier: null, tracking_number: null, amount: null, reason: null },
      { status: "shipped", actor_id: caller.id, actor_label: "Sam Packer", carrier: "Royal Mail", tracking_number: "RM 1234 5678 GB", amount: null, reason: null },
    ]);
    expect((await statusOf(order.id)).paid_at).not.toBeNull();
    const audit = await sql`select action, summary from audit_log where entity_id = ${order.id} order by id`;
    expect(audit.map((a) => a.action)).toEqual(["order.mark_paid", "order.fulfil", "order.ship"]);
    // The audit log names the order by number, never the shopper.
    for (const entry of audit) expect(entry.summary).not.toMatch(/Ada|ada@example\.com|James/);
  });

  it("lets only one of two staff members' simultaneous changes through, and keeps one consistent history", async () => {
    const { order, variant } = await newOrder({ stock: 5, quantity: 2 });
    // Both saw the order awaiting payment: one marks it paid while the other cancels it.
    const [paid, cancelled] = await Promise.all([
      actions.markOrderPaidAction(null, step(order.id, "awaiting_payment")),
      actions.cancelOrderAction(null, step(order.id, "awaiting_payment", { notify: "yes" })),
    ]);
    const results = [paid, cancelled];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(!refused.ok && refused.message).toMatch(/This order changed while you were looking at it: it is now (Paid|Cancelled)\. Nothing was changed/);

    const final = (await statusOf(order.id)).status as string;
    const events = await history(order.id);
    expect(events.map((e) => e.status)).toEqual(["awaiting_payment", final]);
    expect(await sql`select action from audit_log where entity_id = ${order.id}`).toHaveLength(1);
    // Stock went back only if the cancel was the one that happened.
    const [{ stock }] = (await sql`select stock from product_variants where id = ${variant.id}`) as unknown as [{ stock: number }];
    expect(stock).toBe(final === "cancelled" ? 5 : 3);
    const outbox = await sql`select kind from email_outbox where order_id = ${order.id} and kind like 'order-status:%'`;
    expect(outbox.map((o) => o.kind)).toEqual(final === "cancelled" ? ["order-status:cancelled"] : []);
  });

  it("applies two identical clicks once", async () => {
    const { order } = await newOrder();
    const results = await Promise.all([actions.markOrderPaidAction(null, step(order.id, "awaiting_payment")), actions.markOrderPaidAction(null, step(order.id, "awaiting_payment"))]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect((await history(order.id)).map((e) => e.status)).toEqual(["awaiting_payment", "paid"]);
  });

  it("cancelling restocks the items and gives back a limited discount code's use", async () => {
    const code = `DESKTEST${randomUUID().slice(0, 6).toUpperCase()}`;
    await sql`insert into discount_codes (code, kind, value, currency, usage_limit) values (${code}, 'percent', 10, 'GBP', 3)`;
    const { order, variant } = await newOrder({ stock: 4, quantity: 3, discountCode: code });
    expect(await sql`select used_count from discount_codes where code = ${code}`).toEqual([{ used_count: 1 }]);
    expect(await sql`select stock from product_variants where id = ${variant.id}`).toEqual([{ stock: 1 }]);
    await advance(order.id, "paid");

    const result = await actions.cancelOrderAction(null, step(order.id, "paid", { reason: "Customer asked to cancel" }));
    expect(result).toMatchObject({ ok: true, data: { status: "cancelled" } });
    expect(await sql`select stock from product_variants where id = ${variant.id}`).toEqual([{ stock: 4 }]);
    expect(await sql`select used_count from discount_codes where code = ${code}`).toEqual([{ used_count: 0 }]);
    expect((await history(order.id)).at(-1)).toMatchObject({ status: "cancelled", reason: "Customer asked to cancel" });
    // The product's pages showed "Only 1 left": they are expired after the commit.
    expect(expired.tags.some((t) => t.includes(variant.slug))).toBe(true);
  });

  it("leaves an unlimited code's count alone when cancelling (its uses are its orders)", async () => {
    const code = `DESKTEST${randomUUID().slice(0, 6).toUpperCase()}`;
    await sql`insert into discount_codes (code, kind, value, currency) values (${code}, 'percent', 10, 'GBP')`;
    const { order } = await newOrder({ discountCode: code });
    expect(await actions.cancelOrderAction(null, step(order.id, "awaiting_payment"))).toMatchObject({ ok: true });
    expect(await sql`select used_count from discount_codes where code = ${code}`).toEqual([{ used_count: 0 }]);
  });

  it("writes the shopper's status email into the outbox in the change's own transaction", async () => {
    const { order } = await newOrder();
    await advance(order.id, "fulfilled");
    // Make the audit entry, the last write of the transaction, fail for this order only.
    await sql`create or replace function desk_test_refuse_audit() returns trigger language plpgsql as $$
      begin if new.entity_id = ${sql.unsafe(`'${order.id}'`)} then raise exception 'audit refused for the test'; end if; return new; end $$`;
    await sql`create trigger desk_test_refuse_audit before insert on audit_log for each row execute function desk_test_refuse_audit()`;
    try {
      await expect(actions.shipOrderAction(null, step(order.id, "fulfilled", { carrier: "DPD", trackingNumber: "15501234", notify: "yes" }))).rejects.toThrow();
    } finally {
      await sql`drop trigger desk_test_refuse_audit on audit_log`;
      await sql`drop function desk_test_refuse_audit()`;
    }
    // Nothing of the failed change survived: not the status, not the history, not the email.
    expect((await statusOf(order.id)).status).toBe("fulfilled");
    expect(await sql`select 1 from email_outbox where order_id = ${order.id} and kind = 'order-status:shipped'`).toHaveLength(0);

    expect(await actions.shipOrderAction(null, step(order.id, "fulfilled", { carrier: "DPD", trackingNumber: "15501234", notify: "yes" }))).toMatchObject({ ok: true });
    expect(await sql`select kind, sent_at from email_outbox where order_id = ${order.id} and kind like 'order-status:%'`).toEqual([{ kind: "order-status:shipped", sent_at: null }]);
  });

  it("does not email when the box is unticked", async () => {
    const { order } = await newOrder();
    await advance(order.id, "paid");
    expect(await sql`select 1 from email_outbox where order_id = ${order.id} and kind like 'order-status:%'`).toHaveLength(0);
  });
});

describe("refused changes", () => {
  it("will not ship an unpaid order, and says why", async () => {
    const { order } = await newOrder();
    const result = await actions.shipOrderAction(null, step(order.id, "awaiting_payment", { carrier: "DPD", trackingNumber: "1" }));
    expect(result).toEqual({ ok: false, code: "conflict", message: "This order has not been paid yet. Mark it as paid once the payment has arrived." });
    expect((await history(order.id)).map((e) => e.status)).toEqual(["awaiting_payment"]);
  });

  it("will not cancel a shipped order", async () => {
    const { order, variant } = await newOrder({ stock: 3 });
    await advance(order.id, "shipped");
    const result = await actions.cancelOrderAction(null, step(order.id, "shipped"));
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/already shipped, so it cannot be cancelled/) });
    expect((await statusOf(order.id)).status).toBe("shipped");
    expect(await sql`select stock from product_variants where id = ${variant.id}`).toEqual([{ stock: 2 }]);
  });

  it("refunds once, never more than was paid", async () => {
    const { order } = await newOrder();
    await advance(order.id, "delivered");
    const tooMuch = await actions.refundOrderAction(null, step(order.id, "delivered", { amount: "9999", reason: "Broken" }));
    expect(tooMuch).toMatchObject({ ok: false, code: "invalid", fieldErrors: { amount: ["You cannot refund more than the customer paid."] } });

    expect(await actions.refundOrderAction(null, step(order.id, "delivered", { amount: "10.00", reason: "Arrived chipped" }))).toMatchObject({ ok: true });
    expect(await statusOf(order.id)).toMatchObject({ status: "refunded", refunded_amount: 1000 });
    expect((await history(order.id)).at(-1)).toMatchObject({ status: "refunded", amount: 1000, reason: "Arrived chipped" });

    // A second refund, from a form that knows it is refunded (or from a stale one): refused.
    const again = await actions.refundOrderAction(null, step(order.id, "refunded", { amount: "1.00", reason: "Again" }));
    expect(again).toMatchObject({ ok: false, code: "conflict", message: "This order has already been refunded. An order is refunded once only." });
    const stale = await actions.refundOrderAction(null, step(order.id, "delivered", { amount: "1.00", reason: "Again" }));
    expect(stale).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/it is now Refunded/) });
    expect((await history(order.id)).filter((e) => e.status === "refunded")).toHaveLength(1);
  });

  it("refuses a role without orders:write before touching anything, and reports a missing order", async () => {
    const { order } = await newOrder();
    caller.role = "marketer";
    expect(await actions.markOrderPaidAction(null, step(order.id, "awaiting_payment"))).toMatchObject({ ok: false, code: "forbidden" });
    caller.role = "staff";
    expect(await actions.markOrderPaidAction(null, step(randomUUID(), "awaiting_payment"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await actions.markOrderPaidAction(null, step("not-an-id", "awaiting_payment"))).toMatchObject({ ok: false, code: "invalid" });
    expect((await statusOf(order.id)).status).toBe("awaiting_payment");
  });
});
