import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import { notifyOutbox } from "./outbox";
import type { OrderStatus } from "../schema/orders";

/*
 * The merchant's order desk: the filtered list, one order in full, and the writes behind each
 * status change. Writes take the caller's transaction (adminAction's), so the change, its order
 * event, the email it owes and the audit entry commit together or not at all.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---- the list ---------------------------------------------------------------------------

export const adminOrderSorts = ["placed", "total"] as const;
export type AdminOrderSort = (typeof adminOrderSorts)[number];

export type AdminOrderFilters = {
  status?: OrderStatus;
  /** An order number (H-10042, or just 10042), a whole email address or its beginning. */
  q?: string;
  /** Placed at or after `from`, and before `toExclusive` (the day after the last day asked for). */
  from?: Date;
  toExclusive?: Date;
  sort: AdminOrderSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type AdminOrderRowDto = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  name: string;
  totalAmount: number;
  currency: string;
  createdAt: Date;
  hasAccount: boolean;
};

/**
 * Counting stops here: "more than 10,000 orders" is as useful to a person as the exact figure,
 * and counting every row of a year's orders on each page view is what makes such lists slow.
 */
export const ORDER_COUNT_LIMIT = 10_000;

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(q: string): SQL {
  const number = q.match(/^(?:h-?)?(\d{1,12})$/i);
  if (number) return sql`o.number = ${`H-${number[1]}`}`;
  const lowered = q.toLowerCase();
  // orders_email_search_idx (lower(email) text_pattern_ops) serves both the equality and the prefix.
  if (lowered.includes("@") && !lowered.endsWith("@")) return sql`lower(o.email) = ${lowered}`;
  return sql`lower(o.email) like ${`${escapeLike(lowered)}%`}`;
}

function whereFor(f: AdminOrderFilters): SQL {
  const conditions: SQL[] = [];
  if (f.status) conditions.push(sql`o.status = ${f.status}`);
  if (f.from) conditions.push(sql`o.created_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.toExclusive) conditions.push(sql`o.created_at < ${f.toExclusive.toISOString()}::timestamptz`);
  if (f.q) conditions.push(searchCondition(f.q));
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

export async function listAdminOrders(f: AdminOrderFilters): Promise<{ rows: AdminOrderRowDto[]; count: number; countIsCapped: boolean }> {
  const db = getDb();
  const where = whereFor(f);
  const dir = f.dir === "asc" ? sql.raw("asc") : sql.raw("desc");
  const orderBy = f.sort === "total" ? sql`o.total_amount ${dir}, o.id ${dir}` : sql`o.created_at ${dir}, o.id ${dir}`;
  const [rows, [counted]] = await Promise.all([
    db.execute<{ id: string; number: string; status: OrderStatus; email: string; shipping_name: string; total_amount: number; currency: string; created_at: string; user_id: string | null }>(sql`
      select o.id, o.number, o.status, o.email, o.shipping_name, o.total_amount, o.currency, o.created_at, o.user_id
      from orders o ${where}
      order by ${orderBy}
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from orders o ${where} limit ${ORDER_COUNT_LIMIT + 1}) counted`),
  ]);
  const n = counted?.n ?? 0;
  return {
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      email: r.email,
      name: r.shipping_name,
      totalAmount: r.total_amount,
      currency: r.currency.trim(),
      createdAt: new Date(r.created_at),
      hasAccount: r.user_id !== null,
    })),
    count: Math.min(n, ORDER_COUNT_LIMIT),
    countIsCapped: n > ORDER_COUNT_LIMIT,
  };
}

// ---- one order --------------------------------------------------------------------------

export type AdminOrderEventDto = {
  id: number;
  status: OrderStatus;
  note: string;
  actorLabel: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  amount: number | null;
  reason: string | null;
  createdAt: Date;
};

export type AdminOrderDetailDto = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  createdAt: Date;
  paidAt: Date | null;
  refundedAmount: number;
  /** The shopper's account, when they ordered signed in and still have one. */
  customer: { userId: string; name: string | null } | null;
  shipping: { name: string; line1: string; line2: string; city: string; postalCode: string; country: string; method: string };
  currency: string;
  totals: { subtotal: number; discount: number; shipping: number; tax: number; total: number };
  discountCode: string | null;
  pricesIncludeTax: boolean;
  paymentProvider: string;
  items: { id: number; sku: string; productTitle: string; variantTitle: string; unitPrice: number; quantity: number; lineTotal: number }[];
  events: AdminOrderEventDto[];
};

export async function getAdminOrder(orderId: string): Promise<AdminOrderDetailDto | null> {
  if (!UUID.test(orderId)) return null;
  const db = getDb();
  const [[o], items, events] = await Promise.all([
    db.execute<{
      id: string;
      number: string;
      status: OrderStatus;
      email: string;
      created_at: string;
      paid_at: string | null;
      refunded_amount: number;
      user_id: string | null;
      user_name: string | null;
      shipping_name: string;
      shipping_line1: string;
      shipping_line2: string;
      shipping_city: string;
      shipping_postal_code: string;
      shipping_country: string;
      shipping_method: string;
      currency: string;
      subtotal_amount: number;
      discount_amount: number;
      discount_code: string | null;
      shipping_amount: number;
      tax_amount: number;
      total_amount: number;
      prices_include_tax: boolean;
      payment_provider: string;
    }>(sql`
      select o.id, o.number, o.status, o.email, o.created_at, o.paid_at, o.refunded_amount, o.user_id, u.name as user_name,
        o.shipping_name, o.shipping_line1, o.shipping_line2, o.shipping_city, o.shipping_postal_code, o.shipping_country,
        o.shipping_method, o.currency, o.subtotal_amount, o.discount_amount, o.discount_code, o.shipping_amount, o.tax_amount,
        o.total_amount, o.prices_include_tax, o.payment_provider
      from orders o left join users u on u.id = o.user_id
      where o.id = ${orderId}`),
    db.execute<{ id: number; sku: string; product_title: string; variant_title: string; unit_price: number; quantity: number; line_total: number }>(
      sql`select id, sku, product_title, variant_title, unit_price, quantity, line_total from order_items where order_id = ${orderId} order by id`,
    ),
    db.execute<{ id: number; status: OrderStatus; note: string; actor_label: string | null; carrier: string | null; tracking_number: string | null; amount: number | null; reason: string | null; created_at: string }>(sql`
      select id, status, note, actor_label, carrier, tracking_number, amount, reason, created_at
      from order_events where order_id = ${orderId} order by created_at, id`),
  ]);
  if (!o) return null;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    createdAt: new Date(o.created_at),
    paidAt: o.paid_at ? new Date(o.paid_at) : null,
    refundedAmount: o.refunded_amount,
    customer: o.user_id ? { userId: o.user_id, name: o.user_name } : null,
    shipping: {
      name: o.shipping_name,
      line1: o.shipping_line1,
      line2: o.shipping_line2,
      city: o.shipping_city,
      postalCode: o.shipping_postal_code,
      country: o.shipping_country.trim(),
      method: o.shipping_method,
    },
    currency: o.currency.trim(),
    totals: { subtotal: o.subtotal_amount, discount: o.discount_amount, shipping: o.shipping_amount, tax: o.tax_amount, total: o.total_amount },
    discountCode: o.discount_code,
    pricesIncludeTax: o.prices_include_tax,
    paymentProvider: o.payment_provider,
    items: items.map((i) => ({ id: i.id, sku: i.sku, productTitle: i.product_title, variantTitle: i.variant_title, unitPrice: i.unit_price, quantity: i.quantity, lineTotal: i.line_total })),
    events: events.map((e) => ({
      id: e.id,
      status: e.status,
      note: e.note,
      actorLabel: e.actor_label,
      carrier: e.carrier,
      trackingNumber: e.tracking_number,
      amount: e.amount,
      reason: e.reason,
      createdAt: new Date(e.created_at),
    })),
  };
}

// ---- status changes ---------------------------------------------------------------------

export type LockedOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  paidAt: Date | null;
  totalAmount: number;
  refundedAmount: number;
  currency: string;
  discountCode: string | null;
  /** Whether the shopper can be written to (an erased customer's order has a placeholder address). */
  reachable: boolean;
};

/**
 * The order, locked until the transaction ends: of two staff changing it at once, the second
 * waits here and then sees the first one's result, so it can refuse instead of overwriting it.
 */
export async function lockOrderForChange(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  if (!UUID.test(orderId)) return null;
  const [o] = await tx.execute<{ id: string; number: string; status: OrderStatus; paid_at: string | null; total_amount: number; refunded_amount: number; currency: string; discount_code: string | null; email: string }>(sql`
    select id, number, status, paid_at, total_amount, refunded_amount, currency, discount_code, email
    from orders where id = ${orderId} for update`);
  if (!o) return null;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    paidAt: o.paid_at ? new Date(o.paid_at) : null,
    totalAmount: o.total_amount,
    refundedAmount: o.refunded_amount,
    currency: o.currency.trim(),
    discountCode: o.discount_code,
    // RFC 2606 reserves .invalid: the erasure placeholder (and nothing real) ends with it.
    reachable: !o.email.toLowerCase().endsWith(".invalid"),
  };
}

export type OrderStep = {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  actor: { id: string; label: string };
  note?: string;
  carrier?: string;
  trackingNumber?: string;
  amount?: number;
  reason?: string;
  /** Queue the shopper's email about this step in the same transaction (the outbox sends it). */
  notifyShopper: boolean;
};

/**
 * Moves the order on and appends the step to its history. The update names the status the
 * decision was made on, so it can never apply to an order that has moved on meanwhile.
 */
export async function recordOrderStep(tx: Tx, step: OrderStep): Promise<void> {
  const updated = await tx.execute<{ id: string }>(sql`
    update orders set
      status = ${step.to},
      paid_at = case when ${step.to} = 'paid' then now() else paid_at end,
      refunded_amount = refunded_amount + ${step.to === "refunded" ? (step.amount ?? 0) : 0}
    where id = ${step.orderId} and status = ${step.from}
    returning id`);
  if (updated.length !== 1) throw new Error(`Order ${step.orderId} was not in status ${step.from}`);
  await tx.execute(sql`
    insert into order_events (order_id, status, note, actor_id, actor_label, carrier, tracking_number, amount, reason)
    values (${step.orderId}, ${step.to}, ${step.note ?? ""}, ${step.actor.id}, ${step.actor.label}, ${step.carrier ?? null},
      ${step.trackingNumber ?? null}, ${step.amount ?? null}, ${step.reason ?? null})`);
  if (step.notifyShopper) {
    // One email per status an order reaches (the state machine never returns to a status).
    await tx.execute(sql`insert into email_outbox (kind, order_id) values (${`order-status:${step.to}`}, ${step.orderId}) on conflict (kind, order_id) do nothing`);
    await notifyOutbox(tx);
  }
}

export type RestockedVariant = { productSlug: string; sku: string; stockBefore: number; stock: number };

/**
 * Puts a cancelled order's items back on the shelf. Variants are updated one at a time in id
 * order, the order placeOrder takes them in, so a cancel and a checkout never deadlock.
 * Lines whose variant has since been deleted have nothing to go back to.
 */
export async function restockOrderItems(tx: Tx, orderId: string): Promise<RestockedVariant[]> {
  const lines = await tx.execute<{ variant_id: number; quantity: number }>(sql`
    select variant_id, sum(quantity)::int as quantity from order_items
    where order_id = ${orderId} and variant_id is not null
    group by variant_id order by variant_id`);
  const restocked: RestockedVariant[] = [];
  for (const line of lines) {
    const [row] = await tx.execute<{ sku: string; slug: string; stock: number }>(sql`
      update product_variants v set stock = v.stock + ${line.quantity}
      from products p where v.id = ${line.variant_id} and p.id = v.product_id
      returning v.sku, p.slug, v.stock`);
    if (row) restocked.push({ productSlug: row.slug, sku: row.sku, stockBefore: row.stock - line.quantity, stock: row.stock });
  }
  return restocked;
}

/**
 * Gives back the use a cancelled order took of its discount code. Only codes with a use limit
 * count their uses (see discount_codes.used_count); an unlimited code's uses are its orders.
 */
export async function releaseDiscountUse(tx: Tx, code: string): Promise<boolean> {
  const released = await tx.execute(sql`
    update discount_codes set used_count = used_count - 1
    where code = ${code} and usage_limit is not null and used_count > 0
    returning id`);
  return released.length === 1;
}
