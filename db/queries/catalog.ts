import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "../index";
import { collectionProducts, collections, productImages, products, productVariants } from "../schema";
import { MAX_PAGE, type ListingState } from "@/lib/catalog/listing-params";
import { shopConfig } from "@/lib/shop-config";
import { allowedEdits, matchesAsPrefix, meantWords, searchWords } from "@/lib/catalog/typo-tolerance";

/* ------------------------------------------------------------------ DTOs */

export type ImageDto = { src: string; alt: string; width: number; height: number };

export type ProductCardDto = {
  slug: string;
  title: string;
  summary: string;
  minPrice: number;
  maxPrice: number;
  compareAtPrice: number | null;
  currency: string;
  totalStock: number;
  image: ImageDto | null;
};

export type VariantDto = {
  id: number;
  sku: string;
  options: Record<string, string>;
  price: number;
  compareAtPrice: number | null;
  currency: string;
  stock: number;
};

export type ProductDto = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  materials: string;
  care: string;
  optionNames: string[];
  createdAt: string;
  updatedAt: string;
  variants: VariantDto[];
  images: ImageDto[];
  collections: { slug: string; title: string }[];
};

export type CollectionDto = {
  id: number;
  slug: string;
  title: string;
  description: string;
  productCount: number;
  image: ImageDto | null;
};

export type FacetDto = { key: string; name: string; values: { value: string; count: number }[] };

export type CollectionListingDto = {
  items: ProductCardDto[];
  total: number;
  page: number;
  pageCount: number;
  facets: FacetDto[];
  priceBounds: { min: number; max: number; currency: string } | null;
};

export type SearchResultDto = { items: ProductCardDto[]; total: number; page: number; pageCount: number };

/* ------------------------------------------------------------------ shared SQL pieces */

export type CardRow = {
  slug: string;
  title: string;
  summary: string;
  min_price: number;
  max_price: number;
  compare_at: number | null;
  currency: string;
  total_stock: number;
  image_src: string | null;
  image_alt: string | null;
  image_width: number | null;
  image_height: number | null;
  total_count?: number;
};

// Variant aggregates and the first image, joined laterally so a card is one row per product.
// Shared with db/queries/recommendations.ts, whose suggestions are drawn as the same cards.
export const cardColumns = sql`
  p.slug, p.title, p.summary,
  agg.min_price::int as min_price, agg.max_price::int as max_price, agg.compare_at::int as compare_at,
  agg.currency, agg.total_stock::int as total_stock,
  img.src as image_src, img.alt as image_alt, img.width as image_width, img.height as image_height`;

export const cardJoins = sql`
  cross join lateral (
    select min(v.price_amount) as min_price, max(v.price_amount) as max_price,
           max(v.compare_at_amount) filter (where v.compare_at_amount > v.price_amount) as compare_at,
           min(v.currency) as currency, coalesce(sum(v.stock), 0) as total_stock
    from product_variants v where v.product_id = p.id
    -- A product without variants has nothing to sell or price: no row, so no card.
    having count(*) > 0
  ) agg
  left join lateral (
    select i.src, i.alt, i.width, i.height from product_images i
    where i.product_id = p.id order by i.position, i.id limit 1
  ) img on true`;

export function toCard(row: CardRow): ProductCardDto {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    minPrice: row.min_price,
    maxPrice: row.max_price,
    compareAtPrice: row.compare_at,
    currency: row.currency.trim(),
    totalStock: row.total_stock,
    image:
      row.image_src && row.image_width && row.image_height
        ? { src: row.image_src, alt: row.image_alt ?? "", width: row.image_width, height: row.image_height }
        : null,
  };
}

function optionNameForKey(key: string): string | undefined {
  return shopConfig.filterableOptions.find((name) => name.toLowerCase() === key);
}

/** Minor units per major unit for the shop currency, used for the price filter's whole-unit bounds. */
function minorPerMajor(): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: shopConfig.currency }).resolvedOptions()
    .maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

/** A product matches when one of its variants satisfies every filter at once. */
function variantFilter(state: Pick<ListingState, "available" | "min" | "max" | "options">): SQL {
  const conditions: SQL[] = [sql`v.product_id = p.id`];
  const unit = minorPerMajor();
  if (state.available) conditions.push(sql`v.stock > 0`);
  if (state.min !== null) conditions.push(sql`v.price_amount >= ${state.min * unit}`);
  if (state.max !== null) conditions.push(sql`v.price_amount <= ${state.max * unit}`);
  for (const [key, values] of Object.entries(state.options)) {
    const name = optionNameForKey(key);
    if (!name || values.length === 0) continue;
    conditions.push(sql`(v.options ->> ${name}) = any(${sql.param(values)}::text[])`);
  }
  return sql`exists (select 1 from product_variants v where ${sql.join(conditions, sql` and `)})`;
}

function orderFor(sort: ListingState["sort"]): SQL {
  switch (sort) {
    case "newest":
      return sql`p.created_at desc, p.id desc`;
    case "price-asc":
      return sql`agg.min_price asc, p.id asc`;
    case "price-desc":
      return sql`agg.min_price desc, p.id asc`;
    default:
      return sql`p.featured_rank asc nulls last, cp.position asc, p.id asc`;
  }
}

function pageCount(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize));
}

/* ------------------------------------------------------------------ reads */

export async function listCollections(): Promise<CollectionDto[]> {
  const rows = await getDb().execute<{
    id: number;
    slug: string;
    title: string;
    description: string;
    product_count: number;
    image_src: string | null;
    image_alt: string | null;
    image_width: number | null;
    image_height: number | null;
  }>(sql`
    select c.id, c.slug, c.title, c.description,
      (select count(*)::int from collection_products cp join products p on p.id = cp.product_id
        where cp.collection_id = c.id and p.status = 'published') as product_count,
      img.src as image_src, img.alt as image_alt, img.width as image_width, img.height as image_height
    from collections c
    left join lateral (
      select i.src, i.alt, i.width, i.height
      from collection_products cp
      join products p on p.id = cp.product_id and p.status = 'published'
      join product_images i on i.product_id = p.id
      where cp.collection_id = c.id
      order by cp.position, p.id, i.position limit 1
    ) img on true
    where c.published
    order by c.position, c.id`);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    productCount: r.product_count,
    image:
      r.image_src && r.image_width && r.image_height
        ? { src: r.image_src, alt: r.image_alt ?? "", width: r.image_width, height: r.image_height }
        : null,
  }));
}

export async function getCollectionBySlug(slug: string) {
  const [row] = await getDb()
    .select({ id: collections.id, slug: collections.slug, title: collections.title, description: collections.description })
    .from(collections)
    .where(and(eq(collections.slug, slug), eq(collections.published, true)))
    .limit(1);
  return row ?? null;
}

export async function listCollectionProducts(
  collectionId: number,
  state: ListingState,
  pageSize: number = shopConfig.pageSize,
): Promise<CollectionListingDto> {
  const db = getDb();
  state = { ...state, page: safePage(state.page) };
  const offset = (state.page - 1) * pageSize;
  const rows = await db.execute<CardRow>(sql`
    select ${cardColumns}, count(*) over ()::int as total_count
    from products p
    join collection_products cp on cp.product_id = p.id and cp.collection_id = ${collectionId}
    ${cardJoins}
    where p.status = 'published' and ${variantFilter(state)}
    order by ${orderFor(state.sort)}
    limit ${pageSize} offset ${offset}`);

  let total = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && state.page > 1) {
    // Past the last page: still report the real total so the page can offer a way back.
    const [countRow] = await db.execute<{ total: number }>(sql`
      select count(*)::int as total from products p
      join collection_products cp on cp.product_id = p.id and cp.collection_id = ${collectionId}
      where p.status = 'published' and ${variantFilter(state)}`);
    total = countRow?.total ?? 0;
  }

  const facetRows = await db.execute<{ key: string; value: string; count: number }>(sql`
    select o.key, o.value, count(distinct p.id)::int as count
    from products p
    join collection_products cp on cp.product_id = p.id and cp.collection_id = ${collectionId}
    join product_variants v on v.product_id = p.id
    cross join lateral jsonb_each_text(v.options) as o(key, value)
    where p.status = 'published' and o.key = any(${sql.param([...shopConfig.filterableOptions])}::text[])
    group by o.key, o.value
    order by o.key, o.value`);

  const [bounds] = await db.execute<{ min: number | null; max: number | null; currency: string | null }>(sql`
    select min(v.price_amount)::int as min, max(v.price_amount)::int as max, min(v.currency) as currency
    from products p
    join collection_products cp on cp.product_id = p.id and cp.collection_id = ${collectionId}
    join product_variants v on v.product_id = p.id
    where p.status = 'published'`);

  const facets: FacetDto[] = [];
  for (const name of shopConfig.filterableOptions) {
    const values = facetRows.filter((r) => r.key === name).map((r) => ({ value: r.value, count: r.count }));
    if (values.length > 1) facets.push({ key: name.toLowerCase(), name, values: sortOptionValues(values) });
  }

  return {
    items: rows.map(toCard),
    total,
    page: state.page,
    pageCount: pageCount(total, pageSize),
    facets,
    priceBounds:
      bounds && bounds.min !== null && bounds.max !== null && bounds.currency
        ? { min: bounds.min, max: bounds.max, currency: bounds.currency.trim() }
        : null,
  };
}

const sizeOrder = ["XXS", "XS", "S", "M", "L", "XL", "XXL"];

/** Sizes in wearing order (S, M, L), everything else alphabetically. */
function sortOptionValues<T extends { value: string }>(values: T[]): T[] {
  return [...values].sort((a, b) => {
    const ia = sizeOrder.indexOf(a.value);
    const ib = sizeOrder.indexOf(b.value);
    if (ia !== -1 && ib !== -1) return ia - ib;
    return a.value.localeCompare(b.value, undefined, { numeric: true });
  });
}

export async function listFeaturedProducts(limit = 8): Promise<ProductCardDto[]> {
  const rows = await getDb().execute<CardRow>(sql`
    select ${cardColumns}
    from products p
    ${cardJoins}
    where p.status = 'published' and p.featured_rank is not null
    order by p.featured_rank asc, p.id asc
    limit ${limit}`);
  return rows.map(toCard);
}

export async function listNewestProducts(limit = 4): Promise<ProductCardDto[]> {
  const rows = await getDb().execute<CardRow>(sql`
    select ${cardColumns}
    from products p
    ${cardJoins}
    where p.status = 'published'
    order by p.created_at desc, p.id desc
    limit ${limit}`);
  return rows.map(toCard);
}

export async function getProductBySlug(slug: string): Promise<ProductDto | null> {
  const db = getDb();
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      summary: products.summary,
      description: products.description,
      materials: products.materials,
      care: products.care,
      optionNames: products.optionNames,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, "published")))
    .limit(1);
  if (!product) return null;

  const [variants, images, inCollections] = await Promise.all([
    db
      .select({
        id: productVariants.id,
        sku: productVariants.sku,
        options: productVariants.options,
        price: productVariants.priceAmount,
        compareAtPrice: productVariants.compareAtAmount,
        currency: productVariants.currency,
        stock: productVariants.stock,
      })
      .from(productVariants)
      .where(eq(productVariants.productId, product.id))
      .orderBy(asc(productVariants.position), asc(productVariants.id)),
    db
      .select({ src: productImages.src, alt: productImages.alt, width: productImages.width, height: productImages.height })
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position), asc(productImages.id)),
    db
      .select({ slug: collections.slug, title: collections.title })
      .from(collectionProducts)
      .innerJoin(collections, eq(collections.id, collectionProducts.collectionId))
      .where(and(eq(collectionProducts.productId, product.id), eq(collections.published, true)))
      .orderBy(asc(collections.position)),
  ]);

  return {
    ...product,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    variants: variants.map((v) => ({ ...v, currency: v.currency.trim() })),
    images,
    collections: inCollections,
  };
}

/**
 * Full-text search ranked by PostgreSQL. When the words as typed find nothing, each word is
 * corrected to the nearest words the catalogue uses (lib/catalog/typo-tolerance.ts says how
 * near) and the search runs again with every word matching as typed, as the start of a word,
 * or as one of its corrections. Exact matches therefore always come first, and a slip finds
 * what the right spelling finds, in the same order. Every value is a bound parameter.
 */
/** A page number the database can use: whole, 1 or more, at most MAX_PAGE (anything else is page 1). */
function safePage(page: unknown): number {
  return typeof page === "number" && Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

export async function searchProducts(query: string, requestedPage = 1, pageSize: number = shopConfig.pageSize): Promise<SearchResultDto> {
  // These run behind 'use cache' functions, which Next.js also exposes as callable references:
  // arguments are checked here too, not only where the pages parse the URL.
  if (typeof query !== "string" || !query) return { items: [], total: 0, page: 1, pageCount: 1 };
  const page = safePage(requestedPage);
  const q = query.toLowerCase();
  const offset = (page - 1) * pageSize;
  const db = getDb();
  // Rank and page on ids first, then build cards for just the one page of results.
  const rankedPage = (tsquery: SQL) => db.execute<CardRow & { rank: number }>(sql`
    with ranked as (
      select p.id, ts_rank(p.search_vector, q.tsq) as rank, count(*) over ()::int as total_count
      from products p, ${tsquery} as q(tsq)
      where p.status = 'published' and p.search_vector @@ q.tsq
      order by rank desc, p.id asc
      limit ${pageSize} offset ${offset}
    )
    select ${cardColumns}, ranked.total_count
    from ranked join products p on p.id = ranked.id
    ${cardJoins}
    order by ranked.rank desc, p.id asc`);
  const result = (rows: CardRow[]): SearchResultDto => {
    const total = rows[0]?.total_count ?? 0;
    return { items: rows.filter((r) => r.slug !== undefined).map(toCard), total, page, pageCount: pageCount(total, pageSize) };
  };

  const exact = sql`websearch_to_tsquery('english', ${q})`;
  const fullText = await rankedPage(exact);
  if (fullText.length > 0) return result(fullText);
  if (page > 1) {
    // Past the end of full-text results: report their total rather than switch to corrected words.
    const [count] = await db.execute<{ total: number }>(sql`
      select count(*)::int as total from products p, ${exact} as q(tsq)
      where p.status = 'published' and p.search_vector @@ q.tsq`);
    if ((count?.total ?? 0) > 0) return result([{ total_count: count!.total } as CardRow]);
  }
  const forgiving = await forgivingQuery(q);
  return forgiving ? result(await rankedPage(forgiving)) : result([]);
}

/** Catalogue words beginning with a typed word that are considered as what it means. */
const COMPLETIONS_LOOKED_AT = 20;

/**
 * A tsquery in which each word matches as typed, as the start of a word, or as its nearest
 * catalogue words; null when the query has no words at all.
 */
async function forgivingQuery(query: string): Promise<SQL | null> {
  const words = searchWords(query);
  if (words.length === 0) return null;
  const toCorrect = [...new Set(words.filter((w) => !w.excluded && allowedEdits(w.text) > 0).map((w) => w.text))];
  const nearby = new Map<string, string[]>();
  if (toCorrect.length > 0) {
    // Per word: every catalogue word within reach, found through the GIN index on the deletion
    // variants (see the migration), and the first catalogue words that begin with it, a range
    // of the byte-ordered index (chr(1114111) is the last Unicode character). A word no
    // published product matches any more (renamed, hidden, deleted) is skipped.
    const rows = await getDb().execute<{ typed: string; word: string }>(sql`
      select distinct q.word as typed, c.word
      from unnest(${sql.param(toCorrect)}::text[], ${sql.param(toCorrect.map(allowedEdits))}::int[]) as q(word, edits)
      cross join lateral (
        select w.word from search_words w
        where w.deletions && search_word_deletions(q.word, q.edits)
          and length(w.word) between length(q.word) - q.edits and length(q.word) + q.edits
        union all
        (select w.word from search_words w
         where w.word collate "C" > q.word and w.word collate "C" < q.word || chr(1114111)
         order by w.word collate "C" limit ${COMPLETIONS_LOOKED_AT})
      ) as c
      where exists (
        select 1 from products p
        where p.status = 'published' and p.search_vector @@ plainto_tsquery('english', c.word))`);
    for (const row of rows) nearby.set(row.typed, [...(nearby.get(row.typed) ?? []), row.word]);
  }
  const perWord = words.map((w) => {
    const typed = sql`plainto_tsquery('english', ${w.text})`;
    if (w.excluded) return sql`!! ${typed}`;
    const alternatives = [typed];
    // Unstemmed, so that "sofs" does not become the prefix "sof" (the stemmed words meant cover
    // "walkin" → "walk"); words hold only letters and digits, so quoting them is well-formed.
    if (matchesAsPrefix(w.text)) alternatives.push(sql`to_tsquery('simple', ${`'${w.text}':*`})`);
    for (const word of meantWords(w.text, nearby.get(w.text) ?? [])) alternatives.push(sql`plainto_tsquery('english', ${word})`);
    // A stop word ("for", "the") is left out, as full-text search leaves it out, not guessed at.
    return sql`(case when numnode(${typed}) = 0 then ${typed} else ${sql.join(alternatives, sql` || `)} end)`;
  });
  return sql`(select ${sql.join(perWord, sql` && `)})`;
}

export async function listSitemapEntries() {
  const db = getDb();
  const [productRows, collectionRows] = await Promise.all([
    db
      .select({ slug: products.slug, updatedAt: products.updatedAt })
      .from(products)
      .where(eq(products.status, "published"))
      .orderBy(asc(products.id)),
    db.select({ slug: collections.slug }).from(collections).where(eq(collections.published, true)).orderBy(asc(collections.position)),
  ]);
  return { products: productRows, collections: collectionRows };
}

/* ------------------------------------------------------------------ writes */

/** Sets a variant's stock. Returns the product slug so the caller can invalidate its cache tag. */
/**
 * Sets the stock of several variants in one transaction: a delivery is applied whole or not at
 * all (a failure halfway rolls back what came before). SKUs the shop does not know are reported
 * and change nothing. Returns the slugs of the products whose variants changed.
 */
export async function updateVariantStocks(updates: { sku: string; stock: number }[]): Promise<{ updated: { sku: string; productSlug: string }[]; unknown: string[] }> {
  for (const u of updates) if (!Number.isInteger(u.stock) || u.stock < 0) throw new RangeError("Stock must be a whole number of at least 0");
  const skus = updates.map((u) => u.sku);
  return getDb().transaction(async (tx) => {
    // Lock the variants first, in id order as checkout does, then their products in id order:
    // two deliveries, or a delivery and a checkout, can then never hold locks the other waits for.
    const variants = await tx.execute<{ id: number; sku: string; product_id: number }>(sql`
      select id, sku, product_id from product_variants where sku = any(${sql.param(skus)}::text[]) order by id for update`);
    const productIds = [...new Set(variants.map((v) => v.product_id))].sort((a, b) => a - b);
    const productRows = productIds.length
      ? await tx.execute<{ id: number; slug: string }>(sql`select id, slug from products where id = any(${sql.param(productIds)}::int[]) order by id for update`)
      : [];
    const stockBySku = new Map(updates.map((u) => [u.sku, u.stock]));
    for (const v of variants) await tx.execute(sql`update product_variants set stock = ${stockBySku.get(v.sku)!} where id = ${v.id}`);
    if (productIds.length) await tx.execute(sql`update products set updated_at = now() where id = any(${sql.param(productIds)}::int[])`);
    const slugById = new Map(productRows.map((p) => [p.id, p.slug]));
    const found = new Set(variants.map((v) => v.sku));
    return {
      updated: variants.map((v) => ({ sku: v.sku, productSlug: slugById.get(v.product_id)! })),
      unknown: skus.filter((sku) => !found.has(sku)),
    };
  });
}

export async function updateVariantStock(sku: string, stock: number): Promise<{ productSlug: string } | null> {
  const { updated } = await updateVariantStocks([{ sku, stock }]);
  return updated[0] ? { productSlug: updated[0].productSlug } : null;
}

/** Collections a product belongs to, for invalidating their listings after a change. */
export async function listCollectionSlugsForProduct(productSlug: string): Promise<string[]> {
  const rows = await getDb()
    .select({ slug: collections.slug })
    .from(collections)
    .innerJoin(collectionProducts, eq(collectionProducts.collectionId, collections.id))
    .innerJoin(products, eq(products.id, collectionProducts.productId))
    .where(eq(products.slug, productSlug));
  return rows.map((r) => r.slug);
}

export async function checkDatabase(): Promise<{ ok: true; latencyMs: number } | { ok: false; error: string }> {
  const started = performance.now();
  try {
    await getDb().execute(sql`select 1`);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.constructor.name : "unknown" };
  }
}

/* ------------------------------------------------------------ route index */

export type RouteIndexData = {
  products: { slug: string; skus: string[] }[];
  /** Per collection: option values its filters can match, its variants' prices (minor units, ascending) and its product count. */
  collections: { slug: string; options: Record<string, string[]>; prices: number[]; productCount: number }[];
};

/**
 * Everything proxy.ts needs to tell a real catalogue URL from junk before a page is rendered
 * (and cached): published product slugs with their SKUs, and per collection the option values
 * its filters can match and its price range. Two queries, a few hundred KB for 10,000 products.
 */
export async function listRouteIndexData(): Promise<RouteIndexData> {
  const db = getDb();
  const [productRows, optionRows, priceRows] = await Promise.all([
    db.execute<{ slug: string; skus: string[] }>(sql`
      select p.slug, array_agg(upper(v.sku) order by v.id) as skus
      from products p join product_variants v on v.product_id = p.id
      where p.status = 'published'
      group by p.slug`),
    db.execute<{ slug: string; key: string; values: string[] }>(sql`
      select c.slug, lower(o.key) as key, array_agg(distinct o.value) as values
      from collections c
      join collection_products cp on cp.collection_id = c.id
      join products p on p.id = cp.product_id and p.status = 'published'
      join product_variants v on v.product_id = p.id
      cross join lateral jsonb_each_text(v.options) as o(key, value)
      where c.published and o.key = any(${sql.param([...shopConfig.filterableOptions])}::text[])
      group by c.slug, lower(o.key)`),
    db.execute<{ slug: string; prices: number[] | null; product_count: number }>(sql`
      select c.slug,
        array(select distinct v.price_amount from collection_products cp
          join products p on p.id = cp.product_id and p.status = 'published'
          join product_variants v on v.product_id = p.id
          where cp.collection_id = c.id order by 1) as prices,
        (select count(*)::int from collection_products cp join products p on p.id = cp.product_id and p.status = 'published'
          where cp.collection_id = c.id) as product_count
      from collections c
      where c.published`),
  ]);
  return {
    products: productRows.map((r) => ({ slug: r.slug, skus: r.skus })),
    collections: priceRows.map((r) => ({
      slug: r.slug,
      options: Object.fromEntries(optionRows.filter((o) => o.slug === r.slug).map((o) => [o.key, o.values])),
      prices: r.prices ?? [],
      productCount: r.product_count,
    })),
  };
}
