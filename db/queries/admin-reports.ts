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
 * Refunds are subtracted (`revenueOf`): a fully refunded order still counts as an order but adds
 * nothing to revenue. Product sales are line totals and do not see refunds (there are no refund lines).
 *
 * Indexes these statements lean on (db/schema): orders_created_at_idx (created_at, id, status,
 * currency, total_amount, refunded_amount), so both periods are read by an index-only scan
 * instead of the wide orders rows; orders_status_created_at_idx for orders awaiting action;
 * users_role_created_at_idx for new customers. `npm run bench -- admin` times them on a year of orders.
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

/**
 * Orders that count as sales in [prev_start, cur_end): both periods in one range scan. The
 * bounds are scalar subqueries, so the planner treats them as parameters and can use an index
 * on created_at (a join to the bounds row would hide them from the scan).
 */
function salesInBothPeriods(s: ReturnType<typeof settings>): SQL {
  return sql`o.created_at >= (select prev_start from bounds) and o.created_at < (select cur_end from bounds)
    and o.status <> 'cancelled' and o.currency = ${s.currency}`;
}

const revenueOf = sql.raw("(o.total_amount - o.refunded_amount)");

const toNumber = (v: unknown) => Number(v ?? 0);

export type SalesReportDto = { summary: OverviewSummaryDto; salesByDay: SalesByDayDto };

/**
 * Revenue and orders for every local day of both periods (days without orders as zeros,
 * oldest first), each period's totals, average order value and new customers: one statement,
 * one pass over the orders.
 */
export async function getSalesReport(options: ReportOptions): Promise<SalesReportDto> {
  const s = settings(options);
  const rows = await getDb().execute<{
    day: string;
    revenue: string | number;
    orders: string | number;
    current: boolean;
    period_revenue: string | number;
    period_orders: string | number;
    new_customers: string | number;
    prev_new_customers: string | number;
  }>(sql`
    with ${boundsCte(s)},
    totals as (
      select (o.created_at at time zone ${s.timeZone})::date as day, sum(${revenueOf}) as revenue, count(*) as orders
      from orders o
      where ${salesInBothPeriods(s)}
      group by 1
    ),
    days as (
      select d::date as day, d::date > b.today - ${s.days}::int as current
      from bounds b, generate_series(b.today - ${2 * s.days - 1}::int, b.today, interval '1 day') d
    ),
    series as (
      select d.day, d.current, coalesce(t.revenue, 0) as revenue, coalesce(t.orders, 0) as orders
      from days d left join totals t on t.day = d.day
    )
    select day::text as day, revenue, orders, current,
      sum(revenue) over (partition by current) as period_revenue,
      sum(orders) over (partition by current) as period_orders,
      (select count(*) from users u where u.role = 'customer' and u.created_at >= (select cur_start from bounds) and u.created_at < (select cur_end from bounds)) as new_customers,
      (select count(*) from users u where u.role = 'customer' and u.created_at >= (select prev_start from bounds) and u.created_at < (select cur_start from bounds)) as prev_new_customers
    from series
    order by day`);
  const all = rows.map((r) => ({ ...r, revenue: toNumber(r.revenue), orders: toNumber(r.orders) }));
  const current = all.filter((r) => r.current);
  const previous = all.filter((r) => !r.current);
  const totalsOf = (period: typeof all, newCustomers: unknown): PeriodTotals => {
    const revenue = toNumber(period[0]?.period_revenue);
    const orders = toNumber(period[0]?.period_orders);
    return { revenue, orders, averageOrderValue: orders > 0 ? Math.round(revenue / orders) : null, newCustomers: toNumber(newCustomers) };
  };
  const day = ({ day, revenue, orders }: (typeof all)[number]): DailySalesDto => ({ day, revenue, orders });
  return {
    summary: {
      current: { from: current[0]!.day, to: current[current.length - 1]!.day },
      previous: { from: previous[0]!.day, to: previous[previous.length - 1]!.day },
      currency: s.currency,
      totals: totalsOf(current, all[0]?.new_customers),
      previousTotals: totalsOf(previous, all[0]?.prev_new_customers),
    },
    salesByDay: { current: current.map(day), previous: previous.map(day) },
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
    by_variant as (
      select oi.variant_id, case when oi.variant_id is null then oi.product_title end as deleted_title,
        coalesce(sum(oi.line_total) filter (where o.created_at >= (select cur_start from bounds)), 0) as revenue,
        coalesce(sum(oi.quantity) filter (where o.created_at >= (select cur_start from bounds)), 0) as units,
        coalesce(sum(oi.line_total) filter (where o.created_at < (select cur_start from bounds)), 0) as prev_revenue,
        coalesce(sum(oi.quantity) filter (where o.created_at < (select cur_start from bounds)), 0) as prev_units
      from orders o
      join order_items oi on oi.order_id = o.id
      where ${salesInBothPeriods(s)}
      group by 1, 2
    ),
    per_product as (
      select v.product_id, coalesce(p.title, bv.deleted_title) as title,
        sum(bv.revenue) as revenue, sum(bv.units) as units, sum(bv.prev_revenue) as prev_revenue, sum(bv.prev_units) as prev_units
      from by_variant bv
      left join product_variants v on v.id = bv.variant_id
      left join products p on p.id = v.product_id
      group by v.product_id, coalesce(p.title, bv.deleted_title)
    ),
    ranked as (
      (select 'revenue' as ranking, * from per_product where units > 0 order by revenue desc, units desc, title, product_id limit ${limit})
      union all
      (select 'units' as ranking, * from per_product where units > 0 order by units desc, revenue desc, title, product_id limit ${limit})
    )
    select ranking, product_id, title, revenue, units, prev_revenue, prev_units
    from ranked
    order by ranking,
      case when ranking = 'revenue' then revenue else units end desc,
      case when ranking = 'revenue' then units else revenue end desc,
      title, product_id`);
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
  const [{ summary, salesByDay }, topProducts, lowStock, awaitingAction] = await Promise.all([
    getSalesReport(options),
    getTopProducts(options),
    listLowStockVariants(),
    listOrdersAwaitingAction(),
  ]);
  return { summary, salesByDay, topProducts, lowStock, awaitingAction };
}
