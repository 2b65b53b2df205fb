import "server-only";
import { getDb } from "../index";

/*
 * The merchant's CSV exports, read with a server-side cursor: rows come in batches of
 * EXPORT_BATCH_ROWS and the next batch is fetched only when the download has taken the last
 * one, so 100,000 orders never sit in memory. Each holds one connection while it streams.
 */
export const EXPORT_BATCH_ROWS = 500;

async function* mapBatches<R, T>(batches: AsyncIterable<R[]>, map: (row: R) => T): AsyncGenerator<T[]> {
  for await (const batch of batches) yield batch.map(map);
}

const client = () => getDb().$client;
// The driver hands timestamps over as text (drizzle sets it up so); the rows below turn them into dates.
type Timestamp = string | Date;
const trimmed = (value: string) => value.trim();

export type OrderExportRow = {
  number: string;
  placedAt: Date;
  status: string;
  email: string;
  name: string;
  country: string;
  shippingMethod: string;
  currency: string;
  subtotal: number;
  discount: number;
  discountCode: string | null;
  shipping: number;
  tax: number;
  total: number;
  pricesIncludeTax: boolean;
  paymentProvider: string;
};

type OrderRow = {
  number: string;
  created_at: Timestamp;
  status: string;
  email: string;
  shipping_name: string;
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
};

/** Every order, oldest first. */
export function streamOrders(batchRows = EXPORT_BATCH_ROWS): AsyncIterable<OrderExportRow[]> {
  const rows = client()<OrderRow[]>`
    select number, created_at, status, email, shipping_name, shipping_country, shipping_method, currency, subtotal_amount,
      discount_amount, discount_code, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider
    from orders order by created_at, id`.cursor(batchRows);
  return mapBatches(rows, (r) => ({
    number: r.number,
    placedAt: new Date(r.created_at),
    status: r.status,
    email: r.email,
    name: r.shipping_name,
    country: trimmed(r.shipping_country),
    shippingMethod: r.shipping_method,
    currency: trimmed(r.currency),
    subtotal: r.subtotal_amount,
    discount: r.discount_amount,
    discountCode: r.discount_code,
    shipping: r.shipping_amount,
    tax: r.tax_amount,
    total: r.total_amount,
    pricesIncludeTax: r.prices_include_tax,
    paymentProvider: r.payment_provider,
  }));
}

export type OrderLineExportRow = {
  orderNumber: string;
  placedAt: Date;
  status: string;
  sku: string;
  product: string;
  variant: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  currency: string;
};

type OrderLineRow = {
  number: string;
  created_at: Timestamp;
  status: string;
  sku: string;
  product_title: string;
  variant_title: string;
  quantity: number;
  unit_price: number;
  line_total: number;
  currency: string;
};

/** Every order line with its order's number, oldest order first. */
export function streamOrderLines(batchRows = EXPORT_BATCH_ROWS): AsyncIterable<OrderLineExportRow[]> {
  const rows = client()<OrderLineRow[]>`
    select o.number, o.created_at, o.status, i.sku, i.product_title, i.variant_title, i.quantity, i.unit_price, i.line_total, o.currency
    from order_items i join orders o on o.id = i.order_id
    order by o.created_at, o.id, i.id`.cursor(batchRows);
  return mapBatches(rows, (r) => ({
    orderNumber: r.number,
    placedAt: new Date(r.created_at),
    status: r.status,
    sku: r.sku,
    product: r.product_title,
    variant: r.variant_title,
    quantity: r.quantity,
    unitPrice: r.unit_price,
    lineTotal: r.line_total,
    currency: trimmed(r.currency),
  }));
}

export type CustomerExportRow = { id: string; email: string; name: string | null; joinedAt: Date; orders: number; spent: number };

type CustomerRow = { id: string; email: string; name: string | null; created_at: Timestamp; orders: number; spent: number };

/**
 * Every customer account (staff are not customers), oldest first, with their orders and what
 * they spent (orders that were paid for: not awaiting payment, cancelled or refunded), in
 * `currency` only.
 */
export function streamCustomers(currency: string, batchRows = EXPORT_BATCH_ROWS): AsyncIterable<CustomerExportRow[]> {
  const rows = client()<CustomerRow[]>`
    select u.id, u.email, u.name, u.created_at, coalesce(a.orders, 0)::int as orders, coalesce(a.spent, 0)::bigint::float8 as spent
    from users u
    left join (
      select user_id, count(*) as orders,
        sum(total_amount) filter (where status not in ('awaiting_payment', 'cancelled', 'refunded') and currency = ${currency}) as spent
      from orders where user_id is not null group by user_id
    ) a on a.user_id = u.id
    where u.role = 'customer'
    order by u.created_at, u.id`.cursor(batchRows);
  return mapBatches(rows, (r) => ({ id: r.id, email: r.email, name: r.name, joinedAt: new Date(r.created_at), orders: r.orders, spent: Number(r.spent) }));
}

export type SubscriberExportRow = {
  email: string;
  topic: string;
  consentedAt: Date;
  source: string;
  method: string;
  wordingId: string;
  subscribedSince: Date;
  confirmedAt: Date | null;
};

type SubscriberRow = { email: string; purpose: string; created_at: Timestamp; source: string; method: string; wording_id: string; since: Timestamp; confirmed_at: Timestamp | null };

/**
 * Every newsletter topic someone is subscribed to right now, one row per address and topic,
 * with the consent that stands: when it was given, where, how, and the exact wording's version.
 * A topic's state is its latest granted/withdrawn event in the ledger; `requested` (an
 * unconfirmed double opt-in) is not consent and is left out.
 */
export function streamSubscribers(topics: readonly string[], batchRows = EXPORT_BATCH_ROWS): AsyncIterable<SubscriberExportRow[]> {
  const sql = client();
  const rows = sql<SubscriberRow[]>`
    select s.email, c.purpose, c.created_at, c.source, c.method, c.wording_id, s.created_at as since, s.confirmed_at
    from subscribers s
    join lateral (
      select distinct on (e.purpose) e.purpose, e.action, e.created_at, e.source, e.method, e.wording_id
      from consent_events e
      where e.subscriber_id = s.id and e.action in ('granted', 'withdrawn') and e.purpose in ${sql(topics as string[])}
      order by e.purpose, e.id desc
    ) c on c.action = 'granted'
    order by s.created_at, s.id, c.purpose`.cursor(batchRows);
  return mapBatches(rows, (r) => ({
    email: r.email,
    topic: r.purpose,
    consentedAt: new Date(r.created_at),
    source: r.source,
    method: r.method,
    wordingId: r.wording_id,
    subscribedSince: new Date(r.since),
    confirmedAt: r.confirmed_at === null ? null : new Date(r.confirmed_at),
  }));
}
