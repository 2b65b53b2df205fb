import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import type { productStatuses } from "../schema";
import { AppError } from "@/lib/errors";
import type { ProductInput, VariantInput } from "@/lib/validations/product";

/*
 * The admin side of the catalogue: every product whatever its status, for listing, editing,
 * importing and exporting. Writes take the audited transaction of the admin action (`tx`) and
 * return what changed, so the action can describe it in the audit log and expire exactly the
 * cached pages that show it.
 */

export type ProductStatus = (typeof productStatuses)[number];
export type StockFilter = "all" | "low" | "out";
export const adminProductSorts = ["title", "status", "stock", "price", "updated"] as const;
export type AdminProductSort = (typeof adminProductSorts)[number];

export type AdminProductRowDto = {
  id: number;
  slug: string;
  title: string;
  status: ProductStatus;
  variantCount: number;
  totalStock: number;
  lowestStock: number | null;
  minPrice: number | null;
  maxPrice: number | null;
  currency: string | null;
  image: { src: string; alt: string; width: number; height: number } | null;
  updatedAt: Date;
};

export type AdminProductFilters = {
  q: string;
  collectionId: number | null;
  status: ProductStatus | null;
  stock: StockFilter;
  lowStockThreshold: number;
  sort: AdminProductSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
};

/** LIKE's own wildcards typed into the search box are searched for as themselves. */
function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const sortColumns: Record<AdminProductSort, SQL> = {
  title: sql`lower(p.title)`,
  status: sql`p.status`,
  stock: sql`agg.total_stock`,
  price: sql`agg.min_price`,
  updated: sql`p.updated_at`,
};

export async function listAdminProducts(f: AdminProductFilters): Promise<{ items: AdminProductRowDto[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (f.q) {
    const pattern = likePattern(f.q);
    where.push(sql`(p.title ilike ${pattern} or p.slug ilike ${pattern} or exists (select 1 from product_variants sv where sv.product_id = p.id and sv.sku ilike ${pattern}))`);
  }
  if (f.collectionId) where.push(sql`exists (select 1 from collection_products cp where cp.product_id = p.id and cp.collection_id = ${f.collectionId})`);
  if (f.status) where.push(sql`p.status = ${f.status}`);
  // Per variant: a product whose one size is sold out needs restocking even if others are full.
  if (f.stock === "low") where.push(sql`exists (select 1 from product_variants lv where lv.product_id = p.id and lv.stock <= ${f.lowStockThreshold})`);
  if (f.stock === "out") where.push(sql`exists (select 1 from product_variants ov where ov.product_id = p.id and ov.stock = 0)`);
  const direction = f.dir === "asc" ? sql`asc` : sql`desc`;
  const rows = await getDb().execute<{
    id: number;
    slug: string;
    title: string;
    status: ProductStatus;
    variant_count: number;
    total_stock: number;
    lowest_stock: number | null;
    min_price: number | null;
    max_price: number | null;
    currency: string | null;
    image_src: string | null;
    image_alt: string | null;
    image_width: number | null;
    image_height: number | null;
    updated_at: string;
    total_count: number;
  }>(sql`
    select p.id, p.slug, p.title, p.status, p.updated_at,
      agg.variant_count, agg.total_stock, agg.lowest_stock, agg.min_price, agg.max_price, agg.currency,
      img.src as image_src, img.alt as image_alt, img.width as image_width, img.height as image_height,
      count(*) over ()::int as total_count
    from products p
    cross join lateral (
      select count(*)::int as variant_count, coalesce(sum(v.stock), 0)::int as total_stock, min(v.stock)::int as lowest_stock,
        min(v.price_amount)::int as min_price, max(v.price_amount)::int as max_price, min(v.currency) as currency
      from product_variants v where v.product_id = p.id
    ) agg
    left join lateral (
      select i.src, i.alt, i.width, i.height from product_images i where i.product_id = p.id order by i.position, i.id limit 1
    ) img on true
    where ${sql.join(where, sql` and `)}
    order by ${sortColumns[f.sort]} ${direction} nulls last, p.id ${direction}
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  let total = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && f.page > 1) {
    const [count] = await getDb().execute<{ total: number }>(sql`select count(*)::int as total from products p where ${sql.join(where, sql` and `)}`);
    total = count?.total ?? 0;
  }
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      variantCount: r.variant_count,
      totalStock: r.total_stock,
      lowestStock: r.lowest_stock,
      minPrice: r.min_price,
      maxPrice: r.max_price,
      currency: r.currency?.trim() ?? null,
      image: r.image_src && r.image_width && r.image_height ? { src: r.image_src, alt: r.image_alt ?? "", width: r.image_width, height: r.image_height } : null,
      updatedAt: new Date(r.updated_at),
    })),
  };
}

export type CollectionChoiceDto = { id: number; slug: string; title: string };

/** Every collection, published or not, for the product form's checkboxes and the list's filter. */
export async function listCollectionChoices(): Promise<CollectionChoiceDto[]> {
  return getDb().execute<CollectionChoiceDto>(sql`select id, slug, title from collections order by position, id`);
}

export type AdminVariantDto = {
  id: number;
  sku: string;
  options: Record<string, string>;
  price: number;
  compareAtPrice: number | null;
  currency: string;
  stock: number;
};

export type AdminImageDto = { id: number; src: string; alt: string; width: number; height: number; position: number };

export type AdminProductDto = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  materials: string;
  care: string;
  status: ProductStatus;
  rebuyAfterDays: number | null;
  optionNames: string[];
  collectionIds: number[];
  variants: AdminVariantDto[];
  images: AdminImageDto[];
  updatedAt: Date;
};

export async function getAdminProduct(id: number): Promise<AdminProductDto | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = getDb();
  const [product] = await db.execute<{
    id: number;
    slug: string;
    title: string;
    summary: string;
    description: string;
    materials: string;
    care: string;
    status: ProductStatus;
    rebuy_after_days: number | null;
    option_names: string[];
    updated_at: string;
  }>(sql`select id, slug, title, summary, description, materials, care, status, rebuy_after_days, option_names, updated_at from products where id = ${id}`);
  if (!product) return null;
  const [variants, images, collectionRows] = await Promise.all([
    db.execute<{ id: number; sku: string; options: Record<string, string>; price_amount: number; compare_at_amount: number | null; currency: string; stock: number }>(sql`
      select id, sku, options, price_amount, compare_at_amount, currency, stock from product_variants where product_id = ${id} order by position, id`),
    db.execute<AdminImageDto>(sql`select id, src, alt, width, height, position from product_images where product_id = ${id} order by position, id`),
    db.execute<{ collection_id: number }>(sql`select collection_id from collection_products where product_id = ${id}`),
  ]);
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    summary: product.summary,
    description: product.description,
    materials: product.materials,
    care: product.care,
    status: product.status,
    rebuyAfterDays: product.rebuy_after_days,
    optionNames: product.option_names,
    collectionIds: collectionRows.map((r) => r.collection_id),
    variants: variants.map((v) => ({ id: v.id, sku: v.sku, options: v.options, price: v.price_amount, compareAtPrice: v.compare_at_amount, currency: v.currency.trim(), stock: v.stock })),
    images: [...images],
    updatedAt: new Date(product.updated_at),
  };
}

/* ------------------------------------------------------------------ writes */

/** What the shop's pages show of a product, before or after a change: for the audit log and the cache. */
export type ProductSnapshot = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  description: string;
  materials: string;
  care: string;
  status: ProductStatus;
  rebuyAfterDays: number | null;
  optionNames: string[];
  featured: boolean;
  collections: string[];
  variants: { id: number; sku: string; options: Record<string, string>; price: number; compareAt: number | null; stock: number }[];
};

async function snapshot(tx: Tx, id: number): Promise<ProductSnapshot | null> {
  const [p] = await tx.execute<{
    id: number;
    slug: string;
    title: string;
    summary: string;
    description: string;
    materials: string;
    care: string;
    status: ProductStatus;
    rebuy_after_days: number | null;
    option_names: string[];
    featured_rank: number | null;
  }>(sql`select id, slug, title, summary, description, materials, care, status, rebuy_after_days, option_names, featured_rank from products where id = ${id}`);
  if (!p) return null;
  const variants = await tx.execute<{ id: number; sku: string; options: Record<string, string>; price_amount: number; compare_at_amount: number | null; stock: number }>(sql`
    select id, sku, options, price_amount, compare_at_amount, stock from product_variants where product_id = ${id} order by position, id`);
  const collections = await tx.execute<{ slug: string }>(sql`
    select c.slug from collection_products cp join collections c on c.id = cp.collection_id where cp.product_id = ${id} order by c.slug`);
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    materials: p.materials,
    care: p.care,
    status: p.status,
    rebuyAfterDays: p.rebuy_after_days,
    optionNames: p.option_names,
    featured: p.featured_rank !== null,
    collections: collections.map((c) => c.slug),
    variants: variants.map((v) => ({ id: v.id, sku: v.sku, options: v.options, price: v.price_amount, compareAt: v.compare_at_amount, stock: v.stock })),
  };
}

/** Refuses a slug another product has, with the message on the slug field. */
async function assertSlugFree(tx: Tx, slug: string, exceptId: number | null) {
  const [taken] = await tx.execute<{ id: number }>(sql`select id from products where slug = ${slug} and (${exceptId}::int is null or id <> ${exceptId}::int)`);
  if (taken) throw new AppError("invalid", "Please check the highlighted fields.", { slug: ["Another product already uses this slug. Choose another."] });
}

/** Refuses SKUs other products use (compared ignoring case, as product URLs do), per variant row. */
async function assertSkusFree(tx: Tx, variants: { sku: string }[], exceptProductId: number | null) {
  const skus = variants.map((v) => v.sku.toUpperCase());
  const taken = await tx.execute<{ sku: string }>(sql`
    select upper(sku) as sku from product_variants
    where upper(sku) = any(${sql.param(skus)}::text[]) and (${exceptProductId}::int is null or product_id <> ${exceptProductId}::int)`);
  if (taken.length === 0) return;
  const takenSet = new Set(taken.map((t) => t.sku));
  const fieldErrors: Record<string, string[]> = {};
  variants.forEach((v, i) => {
    if (takenSet.has(v.sku.toUpperCase())) fieldErrors[`variants.${i}.sku`] = ["Another product already uses this SKU."];
  });
  throw new AppError("invalid", "Please check the highlighted fields.", fieldErrors);
}

async function assertCollectionsExist(tx: Tx, ids: number[]) {
  if (ids.length === 0) return;
  const found = await tx.execute<{ id: number }>(sql`select id from collections where id = any(${sql.param(ids)}::int[])`);
  if (found.length !== new Set(ids).size) throw new AppError("invalid", "Please check the highlighted fields.", { collections: ["One of the chosen collections no longer exists. Reload the page."] });
}

function optionsRecord(names: string[], values: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name, j) => [name, values[j] ?? ""]));
}

async function setCollections(tx: Tx, productId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  await tx.execute(sql`delete from collection_products where product_id = ${productId} and not (collection_id = any(${sql.param(unique)}::int[]))`);
  for (const collectionId of unique) {
    // A product joining a collection goes to its end.
    await tx.execute(sql`
      insert into collection_products (collection_id, product_id, position)
      values (${collectionId}, ${productId}, (select coalesce(max(position), -1) + 1 from collection_products where collection_id = ${collectionId}))
      on conflict do nothing`);
  }
}

async function insertVariant(tx: Tx, productId: number, optionNames: string[], v: VariantInput, position: number, currency: string) {
  await tx.execute(sql`
    insert into product_variants (product_id, sku, options, price_amount, compare_at_amount, currency, stock, position)
    values (${productId}, ${v.sku}, ${JSON.stringify(optionsRecord(optionNames, v.options))}::jsonb, ${v.price}, ${v.compareAt}, ${currency}, ${v.stock}, ${position})`);
}

export async function createProduct(tx: Tx, input: ProductInput, currency: string): Promise<{ id: number; after: ProductSnapshot }> {
  await assertSlugFree(tx, input.slug, null);
  await assertSkusFree(tx, input.variants, null);
  await assertCollectionsExist(tx, input.collections);
  const [row] = await tx.execute<{ id: number }>(sql`
    insert into products (slug, title, summary, description, materials, care, status, rebuy_after_days, option_names)
    values (${input.slug}, ${input.title}, ${input.summary}, ${input.description}, ${input.materials}, ${input.care}, ${input.status}, ${input.rebuyAfterDays ?? null}, ${JSON.stringify(input.optionNames)}::jsonb)
    returning id`);
  const id = row!.id;
  for (const [i, v] of input.variants.entries()) await insertVariant(tx, id, input.optionNames, v, i, currency);
  await setCollections(tx, id, input.collections);
  return { id, after: (await snapshot(tx, id))! };
}

/**
 * Saves the whole product form. Stock is the one field orders change while the form is open,
 * so it is not overwritten: the form carries the stock it was read with (stockRead) and the
 * save applies the difference to whatever the stock is now. "Was 12, I counted 3 more in,
 * typed 15" while two sold becomes 10 + 3 = 13: the delivery is added and neither sale is
 * lost. The variant rows are locked first (in id order, as checkout and stock deliveries lock
 * them), so an order waits for the save or the save for the order, never both at once; and a
 * change that would leave fewer than 0 (the merchant removed 5 of the last 5 while 2 sold) is
 * refused with the real count instead of going negative.
 */
export async function updateProduct(tx: Tx, id: number, input: ProductInput, currency: string): Promise<{ before: ProductSnapshot; after: ProductSnapshot }> {
  const locked = await tx.execute<{ id: number; stock: number }>(sql`select id, stock from product_variants where product_id = ${id} order by id for update`);
  const [exists] = await tx.execute<{ id: number }>(sql`select id from products where id = ${id} for update`);
  if (!exists) throw new AppError("not_found", "This product no longer exists. It may have been deleted in another tab.");
  const before = (await snapshot(tx, id))!;
  await assertSlugFree(tx, input.slug, id);
  await assertSkusFree(tx, input.variants, id);
  await assertCollectionsExist(tx, input.collections);

  const stockById = new Map(locked.map((v) => [v.id, v.stock]));
  const fieldErrors: Record<string, string[]> = {};
  input.variants.forEach((v, i) => {
    if (v.id === undefined) return;
    const current = stockById.get(v.id);
    if (current === undefined) {
      fieldErrors[`variants.${i}.sku`] = ["This variant was removed in the meantime. Reload the page to see the product as it is now."];
      return;
    }
    if (v.stockRead === null) {
      fieldErrors[`variants.${i}.stock`] = ["This form is out of date. Reload the page."];
      return;
    }
    const delta = v.stock - v.stockRead;
    if (current + delta < 0) {
      fieldErrors[`variants.${i}.stock`] = [
        `Only ${current} left now (orders came in since this page was opened); taking away ${-delta} would leave fewer than 0. Reload the page and count again.`,
      ];
    }
  });
  if (Object.keys(fieldErrors).length) throw new AppError("conflict", "Please check the highlighted fields.", fieldErrors);

  const keptIds = new Set(input.variants.flatMap((v) => (v.id === undefined ? [] : [v.id])));
  const removed = locked.filter((v) => !keptIds.has(v.id)).map((v) => v.id);
  // Past orders keep their line snapshots (sku, title, price); their variant link becomes null.
  if (removed.length) await tx.execute(sql`delete from product_variants where id = any(${sql.param(removed)}::int[])`);
  // Renamed SKUs step aside first, so two variants can swap SKUs without tripping the unique index.
  const renamed = input.variants.filter((v) => v.id !== undefined && before.variants.find((b) => b.id === v.id)?.sku !== v.sku);
  for (const v of renamed) await tx.execute(sql`update product_variants set sku = '~renaming~' || id where id = ${v.id!}`);
  for (const [i, v] of input.variants.entries()) {
    if (v.id === undefined) {
      await insertVariant(tx, id, input.optionNames, v, i, currency);
      continue;
    }
    const delta = v.stock - v.stockRead!;
    await tx.execute(sql`
      update product_variants
      set sku = ${v.sku}, options = ${JSON.stringify(optionsRecord(input.optionNames, v.options))}::jsonb, price_amount = ${v.price},
          compare_at_amount = ${v.compareAt}, currency = ${currency}, position = ${i}, stock = stock + ${delta}
      where id = ${v.id}`);
  }
  await tx.execute(sql`
    update products set slug = ${input.slug}, title = ${input.title}, summary = ${input.summary}, description = ${input.description},
      materials = ${input.materials}, care = ${input.care}, status = ${input.status}, rebuy_after_days = ${input.rebuyAfterDays ?? null},
      option_names = ${JSON.stringify(input.optionNames)}::jsonb, updated_at = now()
    where id = ${id}`);
  await setCollections(tx, id, input.collections);
  return { before, after: (await snapshot(tx, id))! };
}

export async function lockProduct(tx: Tx, id: number): Promise<ProductSnapshot> {
  const [row] = await tx.execute<{ id: number }>(sql`select id from products where id = ${id} for update`);
  if (!row) throw new AppError("not_found", "This product no longer exists.");
  return (await snapshot(tx, id))!;
}

/*
 * Photos are rows of their own: adding, removing or reordering one leaves the product's
 * updated_at alone, so an edit form open beside the photos (keyed by it) keeps what was typed.
 */
export async function addProductImage(tx: Tx, productId: number, image: { src: string; alt: string; width: number; height: number }): Promise<{ id: number }> {
  const [row] = await tx.execute<{ id: number }>(sql`
    insert into product_images (product_id, src, alt, width, height, position)
    values (${productId}, ${image.src}, ${image.alt}, ${image.width}, ${image.height},
      (select coalesce(max(position), -1) + 1 from product_images where product_id = ${productId}))
    returning id`);
  return row!;
}

/** Removes one of the product's photos; null when it is not (or no longer) the product's. */
export async function removeProductImage(tx: Tx, productId: number, imageId: number): Promise<{ src: string; alt: string } | null> {
  const [row] = await tx.execute<{ src: string; alt: string }>(sql`delete from product_images where id = ${imageId} and product_id = ${productId} returning src, alt`);
  return row ?? null;
}

/** Moves a photo to the front: the first photo is the one cards and the gallery lead with. */
export async function makeImageFirst(tx: Tx, productId: number, imageId: number): Promise<boolean> {
  const [row] = await tx.execute<{ id: number }>(sql`select id from product_images where id = ${imageId} and product_id = ${productId} for update`);
  if (!row) return false;
  await tx.execute(sql`
    update product_images set position = case when id = ${imageId} then 0 else position + 1 end where product_id = ${productId}`);
  return true;
}

/* ------------------------------------------------------------------ CSV */

export type ProductCsvRow = {
  slug: string;
  title: string;
  status: ProductStatus;
  summary: string;
  description: string;
  materials: string;
  care: string;
  collections: string[];
  optionNames: string[];
  sku: string;
  optionValues: string[];
  price: number;
  compareAt: number | null;
  currency: string;
  stock: number;
};

/**
 * Every variant with its product, in batches by (product id, variant id): the export streams
 * page by page and never holds the whole catalogue in memory.
 */
export async function* exportProductRows(batchSize = 500): AsyncGenerator<ProductCsvRow> {
  let after = { productId: 0, variantId: 0 };
  for (;;) {
    const rows = await getDb().execute<{
      product_id: number;
      variant_id: number;
      slug: string;
      title: string;
      status: ProductStatus;
      summary: string;
      description: string;
      materials: string;
      care: string;
      option_names: string[];
      collections: string[];
      sku: string;
      options: Record<string, string>;
      price_amount: number;
      compare_at_amount: number | null;
      currency: string;
      stock: number;
    }>(sql`
      select p.id as product_id, v.id as variant_id, p.slug, p.title, p.status, p.summary, p.description, p.materials, p.care,
        p.option_names, v.sku, v.options, v.price_amount, v.compare_at_amount, v.currency, v.stock,
        array(select c.slug from collection_products cp join collections c on c.id = cp.collection_id where cp.product_id = p.id order by c.slug) as collections
      from products p join product_variants v on v.product_id = p.id
      where (p.id, v.id) > (${after.productId}, ${after.variantId})
      order by p.id, v.id
      limit ${batchSize}`);
    for (const r of rows) {
      yield {
        slug: r.slug,
        title: r.title,
        status: r.status,
        summary: r.summary,
        description: r.description,
        materials: r.materials,
        care: r.care,
        collections: r.collections,
        optionNames: r.option_names,
        sku: r.sku,
        optionValues: r.option_names.map((name) => r.options[name] ?? ""),
        price: r.price_amount,
        compareAt: r.compare_at_amount,
        currency: r.currency.trim(),
        stock: r.stock,
      };
    }
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!;
    after = { productId: last.product_id, variantId: last.variant_id };
  }
}

/** One product of an import: its fields and its variants, all rows already checked. */
export type ImportProduct = Omit<ProductCsvRow, "sku" | "optionValues" | "price" | "compareAt" | "stock" | "currency"> & {
  variants: { sku: string; optionValues: string[]; price: number; compareAt: number | null; stock: number; stockExported: number | null; row: number }[];
};

export type ImportOutcome = {
  created: string[];
  updated: string[];
  unchanged: string[];
  variantsCreated: number;
  variantsUpdated: number;
  /** Slugs and collections of everything touched, before and after, for expiring cached pages. */
  touched: { before: ProductSnapshot | null; after: ProductSnapshot }[];
};

/** Problems found only against the database (a SKU another product owns, an unknown collection), per CSV row and column. */
export type ImportConflict = { row: number; column: string; message: string };

/**
 * Applies an import that has passed validation, in the caller's transaction: products are
 * found by slug and variants by SKU, created when new and updated otherwise. Variants the CSV
 * does not mention are left as they are (an import never deletes). Stock changes under the same
 * row locks checkout takes: with `stock_exported`, the file's change is added to the stock as it
 * is now (sales since the export are kept; a change that would go below 0 is refused); without
 * it, the count is set as given (a stocktake).
 */
export async function applyProductImport(tx: Tx, products: ImportProduct[], currency: string): Promise<{ ok: true; outcome: ImportOutcome } | { ok: false; conflicts: ImportConflict[] }> {
  const conflicts: ImportConflict[] = [];
  const collectionRows = await tx.execute<{ id: number; slug: string }>(sql`select id, slug from collections`);
  const collectionIds = new Map(collectionRows.map((c) => [c.slug, c.id]));
  const allSkus = products.flatMap((p) => p.variants.map((v) => v.sku.toUpperCase()));
  // Lock in id order, as checkout does, before reading who owns which SKU.
  const owners = await tx.execute<{ id: number; sku: string; slug: string }>(sql`
    select v.id, upper(v.sku) as sku, p.slug from product_variants v join products p on p.id = v.product_id
    where upper(v.sku) = any(${sql.param(allSkus)}::text[]) order by v.id for update of v`);
  const ownerBySku = new Map(owners.map((o) => [o.sku, o.slug]));
  for (const p of products) {
    for (const c of p.collections) if (!collectionIds.has(c)) conflicts.push({ row: p.variants[0]!.row, column: "collections", message: `There is no collection “${c}”.` });
    for (const v of p.variants) {
      const owner = ownerBySku.get(v.sku.toUpperCase());
      if (owner && owner !== p.slug) conflicts.push({ row: v.row, column: "sku", message: `This SKU belongs to the product “${owner}”.` });
    }
  }
  if (conflicts.length) return { ok: false, conflicts };

  const outcome: ImportOutcome = { created: [], updated: [], unchanged: [], variantsCreated: 0, variantsUpdated: 0, touched: [] };
  for (const p of products) {
    const [existing] = await tx.execute<{ id: number }>(sql`select id from products where slug = ${p.slug} for update`);
    const before = existing ? await snapshot(tx, existing.id) : null;
    let id: number;
    if (existing) {
      id = existing.id;
      await tx.execute(sql`
        update products set title = ${p.title}, status = ${p.status}, summary = ${p.summary}, description = ${p.description},
          materials = ${p.materials}, care = ${p.care}, option_names = ${JSON.stringify(p.optionNames)}::jsonb
        where id = ${id}`);
    } else {
      const [row] = await tx.execute<{ id: number }>(sql`
        insert into products (slug, title, status, summary, description, materials, care, option_names)
        values (${p.slug}, ${p.title}, ${p.status}, ${p.summary}, ${p.description}, ${p.materials}, ${p.care}, ${JSON.stringify(p.optionNames)}::jsonb)
        returning id`);
      id = row!.id;
    }
    for (const v of p.variants) {
      const options = JSON.stringify(optionsRecord(p.optionNames, v.optionValues));
      const delta = v.stockExported === null ? null : v.stock - v.stockExported;
      const [updated] = await tx.execute<{ id: number }>(sql`
        update product_variants set options = ${options}::jsonb, price_amount = ${v.price}, compare_at_amount = ${v.compareAt},
          stock = ${delta === null ? sql`${v.stock}` : sql`stock + ${delta}`}
        where upper(sku) = ${v.sku.toUpperCase()} and product_id = ${id} ${delta === null ? sql`` : sql`and stock + ${delta} >= 0`} returning id`);
      if (updated) outcome.variantsUpdated++;
      else if (delta !== null && ownerBySku.has(v.sku.toUpperCase())) {
        const [now] = await tx.execute<{ stock: number }>(sql`select stock from product_variants where upper(sku) = ${v.sku.toUpperCase()}`);
        conflicts.push({
          row: v.row,
          column: "stock",
          message: `Only ${now?.stock ?? 0} left now (${v.stockExported} when exported): taking away ${-delta} would go below 0. Export again, or lower the change.`,
        });
      } else {
        await tx.execute(sql`
          insert into product_variants (product_id, sku, options, price_amount, compare_at_amount, currency, stock, position)
          values (${id}, ${v.sku}, ${options}::jsonb, ${v.price}, ${v.compareAt}, ${currency}, ${v.stock},
            (select coalesce(max(position), -1) + 1 from product_variants where product_id = ${id}))`);
        outcome.variantsCreated++;
      }
    }
    if (conflicts.length) continue;
    await setCollections(tx, id, p.collections.map((c) => collectionIds.get(c)!));
    const after = (await snapshot(tx, id))!;
    if (!before) outcome.created.push(p.slug);
    else if (JSON.stringify(before) === JSON.stringify(after)) {
      outcome.unchanged.push(p.slug);
      continue;
    } else outcome.updated.push(p.slug);
    await tx.execute(sql`update products set updated_at = now() where id = ${id}`);
    outcome.touched.push({ before, after });
  }
  // Refused rows found while applying: the caller rolls the whole import back.
  if (conflicts.length) return { ok: false, conflicts };
  return { ok: true, outcome };
}
