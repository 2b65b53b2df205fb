import "server-only";
import type { Landing } from "@/lib/attribution/landing";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "../index";
import { notifyOutbox } from "./outbox";
import { variantTitle } from "@/lib/catalog/variants";
import { decideDiscount, normaliseDiscountCode, type DiscountCodeRecord } from "@/lib/checkout/discount-rule";
import { computeTotals, lineTotal, type Discount, type Totals } from "@/lib/checkout/pricing";
import { deliveryMethodCodes } from "@/lib/settings/delivery";
import { getShopSettings } from "./settings";

export type ShippingAddress = { name: string; line1: string; line2: string; city: string; postalCode: string; country: string };

export type PlaceOrderInput = {
  /** One per checkout submission (a hidden form field): a double click or retry reuses it. */
  idempotencyKey: string;
  email: string;
  shipping: ShippingAddress;
  shippingMethod: string;
  discountCode: string | null;
  /** Only ids and quantities: prices, names and stock always come from the database. */
  items: { variantId: number; quantity: number }[];
  newsletterOptIn: boolean;
  paymentProvider: string;
  /** The signed-in buyer, so the order appears in their account; absent for guests. */
  userId?: string | null;
  /** Where the shopper's visit came from (lib/attribution/landing.ts); null when direct or not tracked. */
  landing?: Landing | null;
};

export type PlacedOrderDto = { id: string; number: string; email: string; totals: Totals; currency: string; status: string };

export type PlaceOrderFailure =
  | { code: "sold_out"; message: string; skus: string[] }
  | { code: "not_found"; message: string; variantIds: number[] }
  | { code: "discount_invalid"; message: string }
  | { code: "conflict"; message: string }
  | { code: "invalid"; message: string };

/** A variant's stock after an order took from it: what product pages may now show differently. */
export type StockAfterOrder = { productSlug: string; sku: string; stock: number };

export type PlaceOrderResult =
  | { ok: true; order: PlacedOrderDto; replayed: boolean; stockAfter: StockAfterOrder[] }
  | ({ ok: false } & PlaceOrderFailure);

class OrderRejected extends Error {
  constructor(readonly failure: PlaceOrderFailure) {
    super(failure.message);
  }
}

/** What a submission asked for; the same key with a different request is refused. */
export function requestFingerprint(input: PlaceOrderInput): string {
  const items = [...input.items].sort((a, b) => a.variantId - b.variantId).map((i) => `${i.variantId}x${i.quantity}`);
  const parts = [input.email.toLowerCase(), input.discountCode?.toUpperCase() ?? "", input.shippingMethod, items.join(",")];
  return createHash("sha256").update(parts.join("|")).digest("hex");
}

type VariantRow = {
  id: number;
  sku: string;
  product_slug: string;
  price_amount: number;
  currency: string;
  product_title: string;
  options: Record<string, string>;
  option_names: string[];
};
type OrderRow = {
  id: string;
  number: string;
  email: string;
  status: string;
  currency: string;
  subtotal_amount: number;
  discount_amount: number;
  shipping_amount: number;
  tax_amount: number;
  total_amount: number;
  request_fingerprint: string;
};

function toPlaced(row: OrderRow): PlacedOrderDto {
  return {
    id: row.id,
    number: row.number,
    email: row.email,
    status: row.status,
    currency: row.currency.trim(),
    totals: { subtotal: row.subtotal_amount, discount: row.discount_amount, shipping: row.shipping_amount, tax: row.tax_amount, total: row.total_amount },
  };
}

/**
 * Places an order in one transaction: re-prices every line from the database, claims the
 * discount code's use, takes the stock with a condition that can never go below zero, and
 * writes the order, its line snapshots and its first event. Any failure rolls all of it back.
 */
export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  if (!(deliveryMethodCodes as readonly string[]).includes(input.shippingMethod)) return { ok: false, code: "invalid", message: "Choose one of the delivery options." };
  const merged = new Map<number, number>();
  for (const item of input.items) merged.set(item.variantId, (merged.get(item.variantId) ?? 0) + item.quantity);
  if (merged.size === 0) return { ok: false, code: "invalid", message: "Your cart is empty." };
  if ([...merged.values()].some((q) => !Number.isInteger(q) || q < 1 || q > 100)) {
    return { ok: false, code: "invalid", message: "Quantities must be whole numbers from 1 to 100." };
  }
  const fingerprint = requestFingerprint(input);
  // Lock order: by variant id, so two checkouts never wait on each other in a cycle.
  const lines = [...merged.entries()].sort(([a], [b]) => a - b);

  try {
    return await getDb().transaction(async (tx) => {
      // Same key, one at a time: the second of two concurrent submissions waits here and then
      // finds the first one's order.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`order:${input.idempotencyKey}`}, 0))`);
      // The tax and delivery rates in force now, read in this transaction: a settings change
      // committed a moment ago applies, and the order keeps what it was placed with.
      const settings = await getShopSettings(tx);
      const method = settings.deliveryRates.find((m) => m.code === input.shippingMethod);
      if (!method) throw new OrderRejected({ code: "invalid", message: "Choose one of the delivery options." });
      const [existing] = await tx.execute<OrderRow>(sql`
        select id, number, email, status, currency, subtotal_amount, discount_amount, shipping_amount, tax_amount,
               total_amount, request_fingerprint
        from orders where idempotency_key = ${input.idempotencyKey}`);
      if (existing) {
        if (existing.request_fingerprint !== fingerprint) {
          throw new OrderRejected({ code: "conflict", message: "This checkout was already submitted with a different cart. Please review your order and try again." });
        }
        return { ok: true as const, order: toPlaced(existing), replayed: true, stockAfter: [] };
      }

      const ids = lines.map(([id]) => id);
      const variants = await tx.execute<VariantRow>(sql`
        select v.id, v.sku, p.slug as product_slug, v.price_amount, v.currency, p.title as product_title, v.options, p.option_names
        from product_variants v join products p on p.id = v.product_id
        where v.id = any(${sql.param(ids)}::int[]) and p.status = 'published'`);
      const byId = new Map(variants.map((v) => [v.id, v]));
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length > 0) {
        throw new OrderRejected({ code: "not_found", message: "Some items in your cart are no longer sold.", variantIds: missing });
      }
      const currencies = new Set(variants.map((v) => v.currency.trim()));
      if (currencies.size !== 1) throw new OrderRejected({ code: "invalid", message: "All items must be priced in one currency." });
      const currency = [...currencies][0]!;

      const priced = lines.map(([id, quantity]) => ({ variant: byId.get(id)!, quantity, unitPrice: byId.get(id)!.price_amount }));
      const subtotal = priced.reduce((sum, l) => sum + lineTotal(l), 0);

      let discount: Discount | null = null;
      let discountCode: string | null = null;
      if (input.discountCode) {
        const code = normaliseDiscountCode(input.discountCode);
        // Only a code with a use limit is locked (and counted): two checkouts using it at once
        // must not both take its last use. An unlimited code is read without a lock, so
        // checkouts with it never wait in line for one another.
        const unlocked = code ? await readDiscountCode(tx, code, false) : null;
        const record = unlocked?.usageLimit != null ? await readDiscountCode(tx, code!, true) : unlocked;
        const decision = decideDiscount(code ?? input.discountCode.trim().slice(0, 40), record, { subtotal, currency, now: new Date() });
        if (!decision.ok) throw new OrderRejected({ code: "discount_invalid", message: decision.message });
        if (record!.usageLimit !== null) await tx.execute(sql`update discount_codes set used_count = used_count + 1 where code = ${record!.code}`);
        discount = decision.discount;
        discountCode = record!.code;
      }

      const soldOut: string[] = [];
      const stockAfter: StockAfterOrder[] = [];
      for (const line of priced) {
        const [taken] = await tx.execute<{ stock: number }>(sql`
          update product_variants set stock = stock - ${line.quantity}
          where id = ${line.variant.id} and stock >= ${line.quantity}
          returning stock`);
        if (!taken) soldOut.push(line.variant.sku);
        else stockAfter.push({ productSlug: line.variant.product_slug, sku: line.variant.sku, stock: taken.stock });
      }
      if (soldOut.length > 0) {
        throw new OrderRejected({
          code: "sold_out",
          message: soldOut.length === 1 ? "One item in your cart has sold out or has fewer left than you asked for." : "Some items in your cart have sold out or have fewer left than you asked for.",
          skus: soldOut,
        });
      }

      const totals = computeTotals({
        lines: priced,
        discount,
        shipping: method,
        taxRate: settings.taxRate,
        pricesIncludeTax: settings.pricesIncludeTax,
      });
      const a = input.shipping;
      const landing = input.landing ?? null;
      const [order] = await tx.execute<OrderRow>(sql`
        insert into orders (email, shipping_name, shipping_line1, shipping_line2, shipping_city, shipping_postal_code,
          shipping_country, shipping_method, currency, subtotal_amount, discount_amount, discount_code, shipping_amount,
          tax_amount, total_amount, prices_include_tax, payment_provider, newsletter_opt_in, idempotency_key, request_fingerprint, user_id,
          attribution_channel, attribution_medium, attribution_campaign, attribution_content, tracked_link_id)
        values (${input.email}, ${a.name}, ${a.line1}, ${a.line2}, ${a.city}, ${a.postalCode}, ${a.country}, ${method.code},
          ${currency}, ${totals.subtotal}, ${totals.discount}, ${discountCode}, ${totals.shipping}, ${totals.tax}, ${totals.total},
          ${settings.pricesIncludeTax}, ${input.paymentProvider}, ${input.newsletterOptIn}, ${input.idempotencyKey}, ${fingerprint}, ${input.userId ?? null},
          ${landing?.channel ?? null}, ${landing?.medium ?? null}, ${landing?.campaign ?? null}, ${landing?.content ?? null},
          -- The link id comes from the shopper's cookie: only a link that exists is recorded.
          (select id from tracked_links where id = ${landing?.linkId ?? null}::int))
        returning id, number, email, status, currency, subtotal_amount, discount_amount, shipping_amount, tax_amount,
          total_amount, request_fingerprint`);
      for (const line of priced) {
        const title = variantTitle(line.variant.option_names, line.variant.options);
        await tx.execute(sql`
          insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total)
          values (${order!.id}, ${line.variant.id}, ${line.variant.sku}, ${line.variant.product_title}, ${title},
            ${line.unitPrice}, ${line.quantity}, ${lineTotal(line)})`);
      }
      await tx.execute(sql`insert into order_events (order_id, status, note) values (${order!.id}, 'awaiting_payment', 'Order placed')`);
      // The confirmation is owed from the moment the order exists: recorded in the same
      // transaction, so a crash before it is sent cannot lose it (lib/email/outbox.ts sends it).
      await tx.execute(sql`insert into email_outbox (kind, order_id) values ('order-confirmation', ${order!.id})`);
      await notifyOutbox(tx);
      return { ok: true as const, order: toPlaced(order!), replayed: false, stockAfter };
    });
  } catch (error) {
    if (error instanceof OrderRejected) return { ok: false, ...error.failure };
    throw error;
  }
}

type Executor = Pick<ReturnType<typeof getDb>, "execute">;

/**
 * A discount code as stored; `lock` takes its row lock for the rest of the transaction. Runs on
 * the caller's connection: asking the pool for a second one while holding one would deadlock
 * once every pooled connection is a checkout waiting for another.
 */
async function readDiscountCode(db: Executor, code: string, lock: boolean): Promise<DiscountCodeRecord | null> {
  const [row] = await db.execute<{
    code: string;
    kind: "percent" | "fixed";
    value: number;
    currency: string;
    min_subtotal: number;
    starts_at: string | null;
    expires_at: string | null;
    usage_limit: number | null;
    used_count: number;
    active: boolean;
  }>(sql`
    select code, kind, value, currency, min_subtotal, starts_at, expires_at, usage_limit, used_count, active
    from discount_codes where code = ${code} ${lock ? sql`for update` : sql``}`);
  if (!row) return null;
  // Raw rows carry timestamps as strings.
  return {
    code: row.code,
    kind: row.kind,
    value: row.value,
    currency: row.currency.trim(),
    minSubtotal: row.min_subtotal,
    startsAt: row.starts_at ? new Date(row.starts_at) : null,
    expiresAt: row.expires_at ? new Date(row.expires_at) : null,
    usageLimit: row.usage_limit,
    usedCount: row.used_count,
    active: row.active,
  };
}

export type OrderDetailDto = {
  id: string;
  number: string;
  status: string;
  email: string;
  createdAt: Date;
  shipping: ShippingAddress & { method: string };
  currency: string;
  totals: Totals;
  discountCode: string | null;
  pricesIncludeTax: boolean;
  paymentProvider: string;
  items: { sku: string; productTitle: string; variantTitle: string; unitPrice: number; quantity: number; lineTotal: number }[];
  events: { status: string; note: string; createdAt: Date }[];
  /** Once staff marked it shipped: who carries it and how the shopper tracks it. */
  shipment: { carrier: string; trackingNumber: string; shippedAt: Date } | null;
  /** What was paid back (0 when nothing was). */
  refundedAmount: number;
};

/**
 * One order with its lines and history. The caller decides who may see it (a valid signed
 * link, or `ownerId`: the signed-in owner); everyone else must get the same 404 as for no order.
 */
export async function getOrderById(orderId: string, options: { ownerId?: string } = {}): Promise<OrderDetailDto | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(orderId)) return null;
  const db = getDb();
  const [o] = await db.execute<{
    id: string;
    number: string;
    status: string;
    email: string;
    created_at: string;
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
    refunded_amount: number;
  }>(sql`
    select id, number, status, email, created_at, shipping_name, shipping_line1, shipping_line2, shipping_city,
      shipping_postal_code, shipping_country, shipping_method, currency, subtotal_amount, discount_amount, discount_code,
      shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, refunded_amount
    from orders where id = ${orderId} ${options.ownerId === undefined ? sql`` : sql`and user_id = ${options.ownerId}`}`);
  if (!o) return null;
  const [items, events] = await Promise.all([
    db.execute<{ sku: string; product_title: string; variant_title: string; unit_price: number; quantity: number; line_total: number }>(
      sql`select sku, product_title, variant_title, unit_price, quantity, line_total from order_items where order_id = ${orderId} order by id`,
    ),
    db.execute<{ status: string; note: string; created_at: string; carrier: string | null; tracking_number: string | null }>(
      sql`select status, note, created_at, carrier, tracking_number from order_events where order_id = ${orderId} order by created_at, id`,
    ),
  ]);
  const shipped = events.findLast((e) => e.status === "shipped" && e.carrier && e.tracking_number);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    createdAt: new Date(o.created_at),
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
    items: items.map((i) => ({ sku: i.sku, productTitle: i.product_title, variantTitle: i.variant_title, unitPrice: i.unit_price, quantity: i.quantity, lineTotal: i.line_total })),
    events: events.map((e) => ({ status: e.status, note: e.note, createdAt: new Date(e.created_at) })),
    shipment: shipped ? { carrier: shipped.carrier!, trackingNumber: shipped.tracking_number!, shippedAt: new Date(shipped.created_at) } : null,
    refundedAmount: o.refunded_amount,
  };
}

/**
 * Checks a discount code for the checkout summary without using it up. The order transaction
 * decides again with the same rule (lib/checkout/discount-rule.ts), so a preview can never be
 * used to over-spend a code.
 */
export async function previewDiscount(
  code: string,
  subtotal: number,
  currency: string,
): Promise<{ ok: true; code: string; kind: "percent" | "fixed"; value: number } | { ok: false; message: string }> {
  const normalised = normaliseDiscountCode(code);
  const record = normalised ? await readDiscountCode(getDb(), normalised, false) : null;
  const decision = decideDiscount(normalised ?? code.trim().slice(0, 40), record, { subtotal, currency, now: new Date() });
  return decision.ok ? { ok: true, code: record!.code, ...decision.discount } : decision;
}

export type AdminOrderRowDto = { id: string; number: string; status: string; email: string; name: string; totalAmount: number; currency: string; createdAt: Date; hasAccount: boolean };

/** The newest orders for the merchant's order list. */
export async function listRecentOrders(limit = 50): Promise<AdminOrderRowDto[]> {
  const rows = await getDb().execute<{ id: string; number: string; status: string; email: string; shipping_name: string; total_amount: number; currency: string; created_at: string; user_id: string | null }>(sql`
    select id, number, status, email, shipping_name, total_amount, currency, created_at, user_id
    from orders order by created_at desc, number desc limit ${limit}`);
  return rows.map((r) => ({ id: r.id, number: r.number, status: r.status, email: r.email, name: r.shipping_name, totalAmount: r.total_amount, currency: r.currency.trim(), createdAt: new Date(r.created_at), hasAccount: r.user_id !== null }));
}
