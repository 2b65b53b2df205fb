import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "../index";
import { cardColumns, cardJoins, toCard, type CardRow } from "./catalog";
import type { CandidateProduct, Purchase } from "@/lib/recommendations/rules";
import { isValidSlug } from "@/lib/catalog/slug";

/*
 * Candidates for suggestions, in plain SQL over the shop's own orders and catalogue: best
 * sellers, what was bought together, what a shopper bought. Only products that can be bought
 * now (published, some stock) come back as cards; the rules in lib/recommendations/rules.ts
 * then decide which are shown, and why.
 */

/** Sales that count: everything ordered except cancelled orders (a refund is still a purchase that happened). */
const COUNTED_ORDER = sql`o.status <> 'cancelled'`;
const POPULAR_WINDOW_DAYS = 90;
/** Enough to fill a row after the viewed product and the cart's are taken out. */
const MAX_CANDIDATES = 24;

type CandidateRow = CardRow & { id: number; rebuy_after_days: number | null; status: string };

const candidateColumns = sql`${cardColumns}, p.id, p.rebuy_after_days, p.status`;
/** Published, with some stock: the same condition the rules check again. */
const SELLABLE = sql`p.status = 'published' and agg.total_stock > 0`;

function toCandidate(row: CandidateRow): CandidateProduct {
  return { ...toCard(row), id: row.id, rebuyAfterDays: row.rebuy_after_days, published: row.status === "published", inStock: row.total_stock > 0 };
}

const ids = (values: readonly number[]) => [...new Set(values)].filter((v) => Number.isSafeInteger(v) && v > 0);

export type PopularProductsDto = {
  collection: { slug: string; title: string } | null;
  items: { product: CandidateProduct; unitsSold: number }[];
};

/**
 * Best sellers of the last 90 days (units ordered) in one collection, or across the shop
 * without one; products nobody bought lately follow in the shop's own featured order, so a
 * new shop still has something to show. Not personal: the same for everyone.
 */
export async function listPopularProducts(collectionSlug: string | null, limit = 8): Promise<PopularProductsDto> {
  // Runs behind a 'use cache' function, which Next.js also exposes as a callable reference.
  if (collectionSlug !== null && (typeof collectionSlug !== "string" || !isValidSlug(collectionSlug))) return { collection: null, items: [] };
  const size = Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_CANDIDATES) : 8;
  const db = getDb();
  let collection: { id: number; slug: string; title: string } | null = null;
  if (collectionSlug !== null) {
    const [row] = await db.execute<{ id: number; slug: string; title: string }>(sql`
      select id, slug, title from collections where slug = ${collectionSlug} and published`);
    if (!row) return { collection: null, items: [] };
    collection = row;
  }
  const inCollection: SQL = collection ? sql`join collection_products cp on cp.product_id = p.id and cp.collection_id = ${collection.id}` : sql``;
  const rows = await db.execute<CandidateRow & { units_sold: number }>(sql`
    with sold as (
      select v.product_id, sum(oi.quantity)::int as units
      from orders o
      join order_items oi on oi.order_id = o.id
      join product_variants v on v.id = oi.variant_id
      where o.created_at >= now() - make_interval(days => ${POPULAR_WINDOW_DAYS}) and ${COUNTED_ORDER}
      group by v.product_id
    )
    select ${candidateColumns}, coalesce(sold.units, 0)::int as units_sold
    from products p
    ${inCollection}
    ${cardJoins}
    left join sold on sold.product_id = p.id
    where ${SELLABLE}
    order by units_sold desc, p.featured_rank asc nulls last, p.id asc
    limit ${size}`);
  return {
    collection: collection ? { slug: collection.slug, title: collection.title } : null,
    items: rows.map((r) => ({ product: toCandidate(r), unitsSold: r.units_sold })),
  };
}

/** What a signed-in shopper bought, one row per product with the latest date (newest first). */
export async function listPurchasedProducts(userId: string, limit = 50): Promise<Purchase[]> {
  const rows = await getDb().execute<{ product_id: number; title: string; last_bought_at: string | Date; rebuy_after_days: number | null }>(sql`
    select p.id as product_id, p.title, max(o.created_at) as last_bought_at, p.rebuy_after_days
    from orders o
    join order_items oi on oi.order_id = o.id
    join product_variants v on v.id = oi.variant_id
    join products p on p.id = v.product_id
    where o.user_id = ${userId} and ${COUNTED_ORDER}
    group by p.id
    order by last_bought_at desc, p.id
    limit ${limit}`);
  return rows.map((r) => ({ productId: r.product_id, title: r.title, lastBoughtAt: new Date(r.last_bought_at), rebuyAfterDays: r.rebuy_after_days }));
}

export type BoughtTogetherDto = { product: CandidateProduct; becauseProductId: number; orders: number };

/**
 * Products bought in the same order as any of `productIds`, by other people: for each, the
 * product it was most often bought with and in how many orders. The shopper's own orders are
 * left out, so "people who bought it often bought this too" is about other people. Most
 * orders first.
 */
export async function listBoughtTogether(productIds: readonly number[], excludeUserId: string | null): Promise<BoughtTogetherDto[]> {
  const seeds = ids(productIds);
  if (seeds.length === 0) return [];
  const rows = await getDb().execute<CandidateRow & { because_id: number; orders: number }>(sql`
    with seed_orders as (
      select distinct sv.product_id as seed_id, oi.order_id
      from product_variants sv
      join order_items oi on oi.variant_id = sv.id
      join orders o on o.id = oi.order_id
      where sv.product_id = any(${sql.param(seeds)}::int[]) and ${COUNTED_ORDER}
        and (${excludeUserId}::text is null or o.user_id is distinct from ${excludeUserId}::text)
    ),
    pairs as (
      select ov.product_id, so.seed_id, count(distinct so.order_id)::int as orders
      from seed_orders so
      join order_items oi on oi.order_id = so.order_id
      join product_variants ov on ov.id = oi.variant_id
      where ov.product_id <> so.seed_id
      group by ov.product_id, so.seed_id
    ),
    best as (
      select distinct on (product_id) product_id, seed_id, orders
      from pairs order by product_id, orders desc, seed_id
    )
    select ${candidateColumns}, best.seed_id as because_id, best.orders
    from best
    join products p on p.id = best.product_id
    ${cardJoins}
    where ${SELLABLE}
    order by best.orders desc, p.id
    limit ${MAX_CANDIDATES}`);
  return rows.map((r) => ({ product: toCandidate(r), becauseProductId: r.because_id, orders: r.orders }));
}

/** Cards for these products, only those that can be bought now (for "running low?"). */
export async function listSellableProducts(productIds: readonly number[]): Promise<CandidateProduct[]> {
  const wanted = ids(productIds);
  if (wanted.length === 0) return [];
  const rows = await getDb().execute<CandidateRow>(sql`
    select ${candidateColumns}
    from products p
    ${cardJoins}
    where p.id = any(${sql.param(wanted)}::int[]) and ${SELLABLE}
    order by p.id`);
  return rows.map(toCandidate);
}

/** The products in a cart (one row per product), with their first collection, in the order they were added. */
export async function listCartProducts(cartId: string): Promise<{ productId: number; title: string; collectionSlug: string | null }[]> {
  const rows = await getDb().execute<{ product_id: number; title: string; collection_slug: string | null }>(sql`
    select p.id as product_id, p.title, min(ci.added_at) as added_at,
      (select c.slug from collection_products cp join collections c on c.id = cp.collection_id
        where cp.product_id = p.id and c.published order by c.position, c.id limit 1) as collection_slug
    from cart_items ci
    join product_variants v on v.id = ci.variant_id
    join products p on p.id = v.product_id
    where ci.cart_id = ${cartId}
    group by p.id
    order by added_at, p.id`);
  return rows.map((r) => ({ productId: r.product_id, title: r.title, collectionSlug: r.collection_slug }));
}
