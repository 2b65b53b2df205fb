/**
 * A year of trading for the admin benchmark, generated inside PostgreSQL (generate_series,
 * one statement per table) rather than row by row from JavaScript: 100,000 orders with their
 * lines, events and customers take seconds.
 */
import postgres from "postgres";

export type AdminBenchData = { orders: number; customers: number; lines: number; seconds: number };

export async function generateTrading(databaseUrl: string, orders: number): Promise<AdminBenchData> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const started = performance.now();
  // Two orders in three from signed-up customers, four orders per customer on average.
  const customers = Math.max(1, Math.round(orders / 4));
  try {
    await sql.begin(async (tx) => {
      // The same "random" year on every run, so runs compare.
      await tx`select setseed(0.42)`;
      await tx`
        insert into users (id, email, name, role, created_at)
        select 'bench-customer-' || i, 'bench-customer-' || i || '@example.com',
          (array['Ada','Bo','Cat','Dev','Eli','Fay','Gus','Hal'])[1 + i % 8] || ' Customer ' || i,
          'customer', now() - random() * interval '400 days'
        from generate_series(1, ${customers}) i`;
      await tx`
        create temp table bench_variants on commit drop as
        select row_number() over (order by v.id) as k, v.id, v.sku, v.price_amount, p.title,
          coalesce((select string_agg(value, ' / ') from jsonb_each_text(v.options)), '') as variant_title
        from product_variants v join products p on p.id = v.product_id
        where p.status = 'published' and v.price_amount > 0`;
      await tx`
        create temp table bench_orders on commit drop as
        select i, now() - random() * interval '365 days' as created_at,
          case when random() < 0.65 then 1 + floor(random() * ${customers})::int end as customer_k,
          1 + floor(random() * 3.4)::int as line_count,
          random() as r
        from generate_series(1, ${orders}) i`;
      // Older orders are fulfilled (a few cancelled); the last days' still need the shop's attention.
      await tx`
        insert into orders (status, email, user_id, shipping_name, shipping_line1, shipping_city, shipping_postal_code,
          shipping_country, shipping_method, currency, subtotal_amount, shipping_amount, tax_amount, total_amount,
          prices_include_tax, payment_provider, idempotency_key, request_fingerprint, created_at)
        select
          case
            when b.created_at > now() - interval '2 days' then case when b.r < 0.35 then 'awaiting_payment' else 'paid' end
            when b.r < 0.04 then 'cancelled'
            when b.created_at > now() - interval '6 days' and b.r < 0.3 then 'paid'
            when b.r < 0.045 then 'awaiting_payment'
            else 'fulfilled'
          end,
          coalesce('bench-customer-' || b.customer_k || '@example.com', 'bench-guest-' || b.i || '@example.com'),
          case when b.customer_k is not null then 'bench-customer-' || b.customer_k end,
          'Bench Shopper ' || b.i, b.i || ' Test Street', 'Leeds', 'LS1 1AA', 'GB', 'standard', 'GBP', 0, 0, 0, 0,
          true, 'manual', 'bench-' || b.i, 'bench', b.created_at
        from bench_orders b
        order by b.created_at`;
      // Popular products sell more: the variant index is skewed towards the start of the list.
      await tx`
        insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total)
        select o.id, v.id, v.sku, v.title, v.variant_title, v.price_amount, q.quantity, v.price_amount * q.quantity
        from bench_orders b
        join orders o on o.idempotency_key = 'bench-' || b.i
        cross join lateral generate_series(1, b.line_count) j
        cross join lateral (select 1 + case when (b.i + j) % 7 = 0 then 1 else 0 end as quantity) q
        join bench_variants v on v.k = 1 + floor((select count(*) from bench_variants) * power(((b.i * 7919 + j * 104729) % 10007) / 10007.0, 2))::int`;
      await tx`
        update orders o set subtotal_amount = s.subtotal,
          shipping_amount = case when s.subtotal >= 6000 then 0 else 495 end,
          tax_amount = round((s.subtotal + case when s.subtotal >= 6000 then 0 else 495 end) / 6.0),
          total_amount = s.subtotal + case when s.subtotal >= 6000 then 0 else 495 end
        from (select order_id, sum(line_total) as subtotal from order_items group by order_id) s
        where s.order_id = o.id and o.idempotency_key like 'bench-%'`;
      await tx`
        insert into order_events (order_id, status, note, created_at)
        select id, status, 'Generated for the benchmark', created_at from orders where idempotency_key like 'bench-%'`;
    });
    // What autovacuum does on a live shop soon after a burst of writes: statistics, and the
    // visibility map that lets index-only scans skip the table.
    await sql`vacuum analyze`;
    const [counts] = await sql`select (select count(*) from orders)::int as orders, (select count(*) from order_items)::int as lines, (select count(*) from users where role = 'customer')::int as customers`;
    return { orders: counts!.orders, lines: counts!.lines, customers: counts!.customers, seconds: (performance.now() - started) / 1000 };
  } finally {
    await sql.end();
  }
}

/**
 * After the bulk load: fresh planner statistics, and a visibility map so the overview's
 * covering index (orders_created_at_idx) is read without visiting the table, as on a shop whose
 * autovacuum has caught up.
 */
export async function analyseTrading(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`vacuum analyze orders`;
    await sql`vacuum analyze order_items`;
    await sql`vacuum analyze users`;
  } finally {
    await sql.end();
  }
}

/** A session for the demo admin, inserted the way e2e/support/auth.ts sessionCookieFor does. */
export async function adminSessionToken(databaseUrl: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const token = `bench-${crypto.randomUUID()}`;
    const rows = await sql`insert into sessions (session_token, user_id, expires, device_summary)
      select ${token}, id, now() + interval '1 day', 'Benchmark' from users where role = 'admin' order by created_at limit 1 returning user_id`;
    if (rows.length !== 1) throw new Error("No admin to sign in as (the seed creates one)");
    return token;
  } finally {
    await sql.end();
  }
}

/** Real values for the list filters: an order number, a returning customer's email, a name fragment. */
export async function sampleFilters(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [order] = await sql`select number from orders where idempotency_key like 'bench-%' order by created_at desc offset 500 limit 1`;
    const [customer] = await sql`select email from orders where user_id is not null group by email order by count(*) desc, email limit 1`;
    return { number: order!.number as string, email: customer!.email as string };
  } finally {
    await sql.end();
  }
}
