import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { shopConfig } from "@/lib/shop-config";
import { getDb } from "../index";

/*
 * The figures on the admin overview (/admin). Every aggregate runs in PostgreSQL, one
 * statement per figure group, so the page costs the same on 100 orders as on 100,000.
 *
 * Periods are whole days in the shop's time zone: "the last 30 days" is today and the 29 days
 * before it, and the previous period is the 30 days before that. Day boundaries are computed
 * in SQL (`date::timestamp at time zone tz`), so a day across a clock change is 23 or 25 hours
 * long, as the merchant lives it. `asOf` fixes "today" for tests and reproducible reports.
 *
 * Revenue is what shoppers were charged (orders.total_amount: goods, delivery and tax, after
 * discounts) on every order that was not cancelled, in the shop's currency. Orders awaiting
 * payment count: the merchant sees them as sales until they are cancelled.
 * REFUNDS: once orders carry a refunded amount, subtract it wherever `revenueOf` is used below
 * (`o.total_amount - o.refunded_amount`); a fully refunded order then still counts as an order
 * but adds nothing to revenue.
 *
 * Indexes these statements lean on (owned by the orders/users schema): orders(created_at) for
 * the period scans, orders(status, created_at) for orders awaiting action, users(created_at)
 * for new customers. Without them each statement is a sequential scan, which is still within
 * the page's budget at 100,000 orders but grows with the table.
 */

export const reportPeriods = [7, 30, 90] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export type ReportOptions = { days: ReportPeriod; asOf?: Date; timeZone?: string; currency?: string };

/** What a period's orders add up to. */
export type PeriodTotals = {
  revenue: number;
  orders: number;
  /** Revenue per order, rounded to a whole minor unit; null without orders. */
  averageOrderValue: number | null;
  newCustomers: number;
};

export type OverviewSummaryDto = {
  /** Local calendar dates (YYYY-MM-DD), both ends included. */
  current: { from: string; to: string };
  previous: { from: string; to: string };
  currency: string;
  totals: PeriodTotals;
  previousTotals: PeriodTotals;
};

export type DailySalesDto = { day: string; revenue: number; orders: number };
export type SalesByDayDto = { current: DailySalesDto[]; previous: DailySalesDto[] };

export type TopProductDto = {
  /** Null when the product has since been deleted; its title is then the one on the order lines. */
  productId: number | null;
  title: string;
  revenue: number;
  units: number;
  previousRevenue: number;
  previousUnits: number;
};
export type TopProductsDto = { byRevenue: TopProductDto[]; byUnits: TopProductDto[] };

export type LowStockVariantDto = { variantId: number; productId: number; productTitle: string; sku: string; options: Record<string, string>; stock: number };
export type LowStockDto = { threshold: number; total: number; variants: LowStockVariantDto[] };

export const awaitingActionStatuses = ["awaiting_payment", "paid"] as const;
export type AwaitingActionStatus = (typeof awaitingActionStatuses)[number];
export type AwaitingOrderDto = { id: string; number: string; status: AwaitingActionStatus; totalAmount: number; currency: string; createdAt: Date };
export type OrdersAwaitingActionDto = { counts: Record<AwaitingActionStatus, number>; orders: AwaitingOrderDto[] };

function settings(options: ReportOptions) {
  if (!reportPeriods.includes(options.days)) throw new RangeError(`Report periods are ${reportPeriods.join(", ")} days; got ${options.days}`);
  return {
    days: options.days,
    asOf: (options.asOf ?? new Date()).toISOString(),
    timeZone: options.timeZone ?? shopConfig.timeZone,
    currency: options.currency ?? shopConfig.currency,
  };
}

/**
 * One row: the local date "today" and the instants where the current period starts and ends
 * and the previous one starts (it ends where the current one starts).
 */
function boundsCte(s: ReturnType<typeof settings>): SQL {
  return sql`bounds as (
    select today,
      (today - ${s.days - 1}::int)::timestamp at time zone ${s.timeZone} as cur_start,
      (today + 1)::timestamp at time zone ${s.timeZone} as cur_end,
      (today - ${2 * s.days - 1}::int)::timestamp at time zone ${s.timeZone} as prev_start
    from (select (${s.asOf}::timestamptz at time zone ${s.timeZone})::date as today) t
  )`;
}

/** Orders that count as sales in [prev_start, cur_end) — both periods in one range scan. */
function salesInBothPeriods(s: ReturnType<typeof settings>): SQL {
  return sql`o.created_at >= b.prev_start and o.created_at < b.cur_end and o.status <> 'cancelled' and o.currency = ${s.currency}`;
}

const revenueOf = sql.raw("o.total_amount");

const toNumber = (v: unknown) => Number(v ?? 0);

/** Revenue, order count and new customers for the period and the one before it (one statement). */
export async function getOverviewSummary(options: ReportOptions): Promise<OverviewSummaryDto> {
  const s = settings(options);
  const [row] = await getDb().execute<Record<string, string | number | null>>(sql`
    with ${boundsCte(s)}
    select
      (b.today - ${s.days - 1}::int)::text as cur_from, b.today::text as cur_to,
      (b.today - ${2 * s.days - 1}::int)::text as prev_from, (b.today - ${s.days}::int)::text as prev_to,
      sales.*,
      (select count(*) from users u where u.role = 'customer' and u.created_at >= b.cur_start and u.created_at < b.cur_end) as new_customers,
      (select count(*) from users u where u.role = 'customer' and u.created_at >= b.prev_start and u.created_at < b.cur_start) as prev_new_customers
    from bounds b
    cross join lateral (
      select
        coalesce(sum(${revenueOf}) filter (where o.created_at >= b.cur_start), 0) as revenue,
        coalesce(sum(${revenueOf}) filter (where o.created_at < b.cur_start), 0) as prev_revenue,
        count(*) filter (where o.created_at >= b.cur_start) as orders,
        count(*) filter (where o.created_at < b.cur_start) as prev_orders,
        round(avg(${revenueOf}) filter (where o.created_at >= b.cur_start)) as average,
        round(avg(${revenueOf}) filter (where o.created_at < b.cur_start)) as prev_average
      from orders o where ${salesInBothPeriods(s)}
    ) sales`);
  const r = row!;
  return {
    current: { from: String(r.cur_from), to: String(r.cur_to) },
    previous: { from: String(r.prev_from), to: String(r.prev_to) },
    currency: s.currency,
    totals: { revenue: toNumber(r.revenue), orders: toNumber(r.orders), averageOrderValue: r.average == null ? null : toNumber(r.average), newCustomers: toNumber(r.new_customers) },
    previousTotals: {
      revenue: toNumber(r.prev_revenue),
      orders: toNumber(r.prev_orders),
      averageOrderValue: r.prev_average == null ? null : toNumber(r.prev_average),
      newCustomers: toNumber(r.prev_new_customers),
    },
  };
}

/**
 * Revenue and orders for every local day of both periods, days without orders included as
 * zeros, oldest first.
 */
export async function getSalesByDay(options: ReportOptions): Promise<SalesByDayDto> {
  const s = settings(options);
  const rows = await getDb().execute<{ day: string; revenue: string | number; orders: string | number; current: boolean }>(sql`
    with ${boundsCte(s)},
    days as (
      select d::date as day from bounds b, generate_series(b.today - ${2 * s.days - 1}::int, b.today, interval '1 day') d
    ),
    totals as (
      select (o.created_at at time zone ${s.timeZone})::date as day, sum(${revenueOf}) as revenue, count(*) as orders
      from orders o, bounds b
      where ${salesInBothPeriods(s)}
      group by 1
    )
    select d.day::text as day, coalesce(t.revenue, 0) as revenue, coalesce(t.orders, 0) as orders,
      d.day > (select today from bounds) - ${s.days}::int as current
    from days d left join totals t on t.day = d.day
    order by d.day`);
  const all = rows.map((r) => ({ day: r.day, revenue: toNumber(r.revenue), orders: toNumber(r.orders), current: r.current }));
  return {
    current: all.filter((r) => r.current).map(({ day, revenue, orders }) => ({ day, revenue, orders })),
    previous: all.filter((r) => !r.current).map(({ day, revenue, orders }) => ({ day, revenue, orders })),
  };
}

/**
 * The best sellers of the period by revenue and by units, with their figures for the previous
 * period. A product is its catalogue id; lines whose variant was since deleted are grouped by
 * the title written on the order. Line totals are before order-level discounts, delivery and tax.
 */
export async function getTopProducts(options: ReportOptions & { limit?: number }): Promise<TopProductsDto> {
  const s = settings(options);
  const limit = options.limit ?? 5;
  const rows = await getDb().execute<{
    ranking: "revenue" | "units";
    product_id: number | null;
    title: string;
    revenue: string | number;
    units: string | number;
    prev_revenue: string | number;
    prev_units: string | number;
  }>(sql`
    with ${boundsCte(s)},
    lines as (
      select v.product_id, oi.product_title, oi.line_total, oi.quantity, o.created_at >= b.cur_start as current
      from orders o
      cross join bounds b
      join order_items oi on oi.order_id = o.id
      left join product_variants v on v.id = oi.variant_id
      where ${salesInBothPeriods(s)}
    ),
    per_product as (
      select product_id, max(product_title) as line_title,
        coalesce(sum(line_total) filter (where current), 0) as revenue,
        coalesce(sum(quantity) filter (where current), 0) as units,
        coalesce(sum(line_total) filter (where not current), 0) as prev_revenue,
        coalesce(sum(quantity) filter (where not current), 0) as prev_units
      from lines
      group by product_id, case when product_id is null then product_title end
    ),
    ranked as (
      (select 'revenue' as ranking, * from per_product where units > 0 order by revenue desc, units desc, line_title limit ${limit})
      union all
      (select 'units' as ranking, * from per_product where units > 0 order by units desc, revenue desc, line_title limit ${limit})
    )
    select r.ranking, r.product_id, coalesce(p.title, r.line_title) as title, r.revenue, r.units, r.prev_revenue, r.prev_units
    from ranked r left join products p on p.id = r.product_id
    order by r.ranking,
      case when r.ranking = 'revenue' then r.revenue else r.units end desc,
      case when r.ranking = 'revenue' then r.units else r.revenue end desc,
      coalesce(p.title, r.line_title)`);
  const dto = (r: (typeof rows)[number]): TopProductDto => ({
    productId: r.product_id,
    title: r.title,
    revenue: toNumber(r.revenue),
    units: toNumber(r.units),
    previousRevenue: toNumber(r.prev_revenue),
    previousUnits: toNumber(r.prev_units),
  });
  return { byRevenue: rows.filter((r) => r.ranking === "revenue").map(dto), byUnits: rows.filter((r) => r.ranking === "units").map(dto) };
}

/**
 * Published variants at or under the low-stock threshold, sold-out ones first, with how many
 * there are in all (the list itself is capped).
 */
export async function listLowStockVariants(options: { threshold?: number; limit?: number } = {}): Promise<LowStockDto> {
  const threshold = options.threshold ?? shopConfig.lowStockThreshold;
  const rows = await getDb().execute<{
    variant_id: number;
    product_id: number;
    product_title: string;
    sku: string;
    options: Record<string, string>;
    stock: number;
    total: string | number;
  }>(sql`
    select v.id as variant_id, p.id as product_id, p.title as product_title, v.sku, v.options, v.stock, count(*) over () as total
    from product_variants v join products p on p.id = v.product_id
    where v.stock <= ${threshold} and p.status = 'published'
    order by v.stock, p.title, v.position, v.id
    limit ${options.limit ?? 8}`);
  return {
    threshold,
    total: rows.length ? toNumber(rows[0]!.total) : 0,
    variants: rows.map((r) => ({ variantId: r.variant_id, productId: r.product_id, productTitle: r.product_title, sku: r.sku, options: r.options ?? {}, stock: r.stock })),
  };
}

/**
 * Orders the shop has to act on — waiting for payment, or paid and not yet fulfilled — the
 * longest-waiting first, with how many there are of each.
 */
export async function listOrdersAwaitingAction(options: { limit?: number } = {}): Promise<OrdersAwaitingActionDto> {
  const rows = await getDb().execute<{
    id: string | null;
    number: string | null;
    status: AwaitingActionStatus;
    total_amount: number | null;
    currency: string | null;
    created_at: string | null;
    count: string | number;
  }>(sql`
    with waiting as (
      select id, number, status, total_amount, currency, created_at from orders where status in ('awaiting_payment', 'paid')
    ),
    counts as (select status, count(*) as count from waiting group by status),
    oldest as (select * from waiting order by created_at, number limit ${options.limit ?? 8})
    select o.id, o.number, c.status, o.total_amount, o.currency, o.created_at, c.count
    from counts c left join oldest o on o.status = c.status
    order by o.created_at nulls last, o.number`);
  const counts: Record<AwaitingActionStatus, number> = { awaiting_payment: 0, paid: 0 };
  const orders: AwaitingOrderDto[] = [];
  for (const r of rows) {
    counts[r.status] = toNumber(r.count);
    if (r.id) {
      orders.push({ id: r.id, number: r.number!, status: r.status, totalAmount: r.total_amount!, currency: r.currency!.trim(), createdAt: new Date(r.created_at!) });
    }
  }
  return { counts, orders };
}

export type OverviewDto = {
  summary: OverviewSummaryDto;
  salesByDay: SalesByDayDto;
  topProducts: TopProductsDto;
  lowStock: LowStockDto;
  awaitingAction: OrdersAwaitingActionDto;
};

/** Everything on the overview, its statements run side by side on the pool. */
export async function getOverview(options: ReportOptions): Promise<OverviewDto> {
  const [summary, salesByDay, topProducts, lowStock, awaitingAction] = await Promise.all([
    getOverviewSummary(options),
    getSalesByDay(options),
    getTopProducts(options),
    listLowStockVariants(),
    listOrdersAwaitingAction(),
  ]);
  return { summary, salesByDay, topProducts, lowStock, awaitingAction };
}
