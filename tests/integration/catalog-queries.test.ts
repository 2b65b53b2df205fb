import { afterAll, describe, expect, it } from "vitest";
import {
  checkDatabase,
  getCollectionBySlug,
  getProductBySlug,
  listCollectionProducts,
  listCollections,
  listFeaturedProducts,
  listSitemapEntries,
  searchProducts,
  updateVariantStock,
  updateVariantStocks,
} from "@/db/queries/catalog";
import { defaultListingState, parseListingState } from "@/lib/catalog/listing-params";
import { seedCollections, seedProducts } from "@/db/seed-data";
import { seedDatabase } from "@/db/seed";
import postgres from "postgres";
import { testSql } from "../support/sql";

const sql = testSql();
afterAll(() => sql.end());

const state = (query: string) => parseListingState(new URLSearchParams(query));

async function collectionId(slug: string) {
  const c = await getCollectionBySlug(slug);
  if (!c) throw new Error(`no collection ${slug}`);
  return c.id;
}

describe("the seeded demo catalogue", () => {
  it("has at least 40 published products in at least 5 collections, with low-stock and sold-out items", async () => {
    const [counts] = await sql`
      select (select count(*)::int from products where status = 'published') as products,
             (select count(*)::int from collections) as collections,
             (select count(*)::int from product_variants where stock = 0) as sold_out_variants,
             (select count(*)::int from product_variants where stock between 1 and 5) as low_variants,
             (select count(*)::int from products p where not exists (select 1 from product_variants v where v.product_id = p.id and v.stock > 0)) as sold_out_products`;
    expect(counts!.products).toBeGreaterThanOrEqual(40);
    expect(counts!.collections).toBeGreaterThanOrEqual(5);
    expect(counts!.sold_out_variants).toBeGreaterThan(0);
    expect(counts!.low_variants).toBeGreaterThan(0);
    expect(counts!.sold_out_products).toBeGreaterThan(0);
  });

  it("re-seeding is idempotent and keeps stock that has changed since", async () => {
    await sql`update product_variants set stock = 777 where sku = 'EVEMUG-OAT'`;
    await seedDatabase(process.env.DATABASE_URL!, { log: () => {} });
    const [after] = await sql`select count(*)::int as products, (select count(*)::int from product_variants) as variants, (select stock from product_variants where sku = 'EVEMUG-OAT') as stock from products`;
    expect(after!.products).toBe(seedProducts.length);
    expect(after!.variants).toBe(seedProducts.reduce((n, p) => n + p.variants.length, 0));
    expect(after!.stock).toBe(777);
    await sql`update product_variants set stock = 20 where sku = 'EVEMUG-OAT'`;
  });
});

describe("collections", () => {
  it("lists every collection with a count and a cover image", async () => {
    const collections = await listCollections();
    expect(collections.map((c) => c.slug)).toEqual(seedCollections.map((c) => c.slug));
    for (const c of collections) {
      expect(c.productCount).toBeGreaterThan(0);
      expect(c.image?.src).toMatch(/^\/images\/generated\/.+\.webp$/);
    }
  });

  it("returns null for an unknown collection", async () => {
    expect(await getCollectionBySlug("does-not-exist")).toBeNull();
  });

  it("pages through a collection without repeating or skipping products", async () => {
    const id = await collectionId("linen");
    const p1 = await listCollectionProducts(id, defaultListingState, 4);
    const p2 = await listCollectionProducts(id, { ...defaultListingState, page: 2 }, 4);
    const p3 = await listCollectionProducts(id, { ...defaultListingState, page: 3 }, 4);
    const all = [...p1.items, ...p2.items, ...p3.items].map((p) => p.slug);
    expect(p1.total).toBe(all.length);
    expect(new Set(all).size).toBe(all.length);
    expect(p1.pageCount).toBe(Math.ceil(p1.total / 4));
  });

  it("past the last page returns no items but the real total", async () => {
    const id = await collectionId("linen");
    const listing = await listCollectionProducts(id, { ...defaultListingState, page: 50 }, 4);
    expect(listing.items).toEqual([]);
    expect(listing.total).toBeGreaterThan(0);
  });

  it("sorts by price both ways and by newest", async () => {
    const id = await collectionId("ceramics");
    const asc = await listCollectionProducts(id, state("sort=price-asc"), 50);
    const desc = await listCollectionProducts(id, state("sort=price-desc"), 50);
    const ascPrices = asc.items.map((p) => p.minPrice);
    expect(ascPrices).toEqual([...ascPrices].sort((a, b) => a - b));
    expect(desc.items.map((p) => p.minPrice)).toEqual([...ascPrices].sort((a, b) => b - a));

    const newest = await listCollectionProducts(id, state("sort=newest"), 50);
    const [{ newest_slug }] = (await sql`
      select p.slug as newest_slug from products p join collection_products cp on cp.product_id = p.id
      where cp.collection_id = ${id} order by p.created_at desc limit 1`) as unknown as [{ newest_slug: string }];
    expect(newest.items[0]!.slug).toBe(newest_slug);
  });

  it("filters by availability: sold-out products disappear", async () => {
    const id = await collectionId("knitwear");
    const all = await listCollectionProducts(id, defaultListingState, 50);
    const available = await listCollectionProducts(id, state("available=1"), 50);
    expect(all.items.some((p) => p.slug === "fingerless-mitts")).toBe(true);
    expect(available.items.some((p) => p.slug === "fingerless-mitts")).toBe(false);
    expect(available.items.every((p) => p.totalStock > 0)).toBe(true);
  });

  it("filters by price range in whole pounds, inclusive", async () => {
    const id = await collectionId("candles");
    const listing = await listCollectionProducts(id, state("min=12&max=24"), 50);
    expect(listing.items.length).toBeGreaterThan(0);
    const slugs = listing.items.map((p) => p.slug);
    expect(slugs).toContain("taper-candles-pair"); // £12, the lower bound
    expect(slugs).toContain("hearth-pillar-candle"); // £24, the upper bound
    expect(slugs).not.toContain("smoked-oak-candle"); // £58
    expect(slugs).not.toContain("travel-tin-candle"); // £11
  });

  it("filters by option values: OR within an option, AND across options, on the same variant", async () => {
    const id = await collectionId("linen");
    const sand = await listCollectionProducts(id, state("colour=Sand"), 50);
    expect(sand.items.map((p) => p.slug).sort()).toEqual(
      seedProducts.filter((p) => p.collections.includes("linen") && p.variants.some((v) => v.options.Colour === "Sand")).map((p) => p.slug).sort(),
    );
    const sandOrSky = await listCollectionProducts(id, state("colour=Sand,Sky"), 50);
    expect(sandOrSky.total).toBeGreaterThanOrEqual(sand.total);
    const skyXl = await listCollectionProducts(id, state("colour=Sky&size=XL"), 50);
    expect(skyXl.items.map((p) => p.slug)).toEqual(["linen-shirt"]);
    const none = await listCollectionProducts(id, state("colour=Sky&size=Double"), 50);
    expect(none.total).toBe(0);
  });

  it("offers facets for the filterable options with product counts", async () => {
    const id = await collectionId("knitwear");
    const { facets, priceBounds } = await listCollectionProducts(id, defaultListingState);
    const size = facets.find((f) => f.key === "size");
    expect(size?.values.map((v) => v.value)).toEqual(["S", "M", "L", "XL"]);
    expect(size?.values.every((v) => v.count > 0)).toBe(true);
    expect(priceBounds?.currency).toBe("GBP");
    expect(priceBounds!.min).toBeLessThan(priceBounds!.max);
  });

  it("an unknown option value matches nothing and a hostile one is just a value", async () => {
    const id = await collectionId("linen");
    expect((await listCollectionProducts(id, state("colour=Plaid"), 50)).total).toBe(0);
    expect((await listCollectionProducts(id, state("colour=' or 1=1 --"), 50)).total).toBe(0);
  });
});

describe("products", () => {
  it("returns a product with its variants, images and collections", async () => {
    const p = await getProductBySlug("linen-overshirt");
    expect(p?.title).toBe("Linen overshirt");
    expect(p?.optionNames).toEqual(["Colour", "Size"]);
    expect(p?.variants).toHaveLength(12);
    expect(p?.variants[0]).toMatchObject({ sku: "LINOVE-SAND-S", currency: "GBP", price: 9500 });
    expect(p?.images).toHaveLength(2);
    expect(p?.collections).toEqual([{ slug: "linen", title: "Linen" }]);
  });

  it("hides draft products", async () => {
    await sql`update products set status = 'draft' where slug = 'wick-trimmer'`;
    try {
      expect(await getProductBySlug("wick-trimmer")).toBeNull();
      expect((await searchProducts("brass trimmer")).items.map((p) => p.slug)).not.toContain("wick-trimmer");
    } finally {
      await sql`update products set status = 'published' where slug = 'wick-trimmer'`;
    }
  });

  it("lists featured products in the merchant's order", async () => {
    const featured = await listFeaturedProducts(3);
    expect(featured.map((p) => p.slug)).toEqual(["hearth-pillar-candle", "everyday-mug", "linen-overshirt"]);
  });

  it("updates stock and never accepts a negative level", async () => {
    expect(await updateVariantStock("EVEMUG-SLATE", 0)).toEqual({ productSlug: "everyday-mug" });
    const p = await getProductBySlug("everyday-mug");
    expect(p?.variants.find((v) => v.sku === "EVEMUG-SLATE")?.stock).toBe(0);
    await expect(updateVariantStock("EVEMUG-SLATE", -1)).rejects.toThrow(RangeError);
    await expect(sql`update product_variants set stock = -1 where sku = 'EVEMUG-SLATE'`).rejects.toThrow(/product_variants_stock_check/);
    expect(await updateVariantStock("NO-SUCH-SKU", 3)).toBeNull();
    await updateVariantStock("EVEMUG-SLATE", 10);
  });

  it("applies a delivery of stock levels whole or not at all", async () => {
    const stockOf = async (sku: string) => ((await sql`select stock from product_variants where sku = ${sku}`)[0]!.stock as number);
    const [mug, bowl] = [await stockOf("EVEMUG-OAT"), await stockOf("BREBOW-MOSS")];
    // The database refuses the second line (too large for its column) after the first was written.
    await expect(updateVariantStocks([{ sku: "BREBOW-MOSS", stock: mug + 7 }, { sku: "EVEMUG-OAT", stock: 2 ** 31 }])).rejects.toThrow();
    expect(await stockOf("BREBOW-MOSS")).toBe(bowl);
    expect(await stockOf("EVEMUG-OAT")).toBe(mug);

    const applied = await updateVariantStocks([{ sku: "EVEMUG-OAT", stock: mug + 1 }, { sku: "NOT-A-SKU", stock: 1 }, { sku: "BREBOW-MOSS", stock: bowl }]);
    expect(applied.unknown).toEqual(["NOT-A-SKU"]);
    expect(applied.updated.map((u) => u.productSlug).sort()).toEqual(["breakfast-bowl", "everyday-mug"]);
    expect(await stockOf("EVEMUG-OAT")).toBe(mug + 1);
    await updateVariantStocks([{ sku: "EVEMUG-OAT", stock: mug }]);
  });

  it("lets deliveries touching the same product's variants in any order run at once without deadlocking", async () => {
    const skus = ["EVEMUG-OAT", "EVEMUG-TERRACOTTA", "EVEMUG-MOSS", "EVEMUG-SLATE"];
    const known = (await sql`select sku, stock from product_variants where sku = any(${skus})`) as unknown as { sku: string; stock: number }[];
    expect(known.length).toBeGreaterThan(1);
    const deliveries = Array.from({ length: 12 }, (_, i) => {
      const order = i % 2 ? [...known].reverse() : known;
      return updateVariantStocks(order.slice(i % 3).map((k) => ({ sku: k.sku, stock: k.stock + 1 })));
    });
    const results = await Promise.allSettled(deliveries);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    await updateVariantStocks(known.map((k) => ({ sku: k.sku, stock: k.stock })));
  });
});

describe("a published product without variants (half-way through a merchant's edit)", () => {
  it("is left out of search and the featured list instead of breaking them", async () => {
    const [product] = await sql`insert into products (slug, title, status, featured_rank, keywords) values ('no-variants-yet', 'Unfinished lantern', 'published', 0, 'lantern') returning id`;
    try {
      expect((await searchProducts("unfinished lantern")).items).toEqual([]);
      expect((await listFeaturedProducts(20)).map((p) => p.slug)).not.toContain("no-variants-yet");
    } finally {
      await sql`delete from products where id = ${product!.id}`;
    }
  });
});

describe("search", () => {
  it("ranks title matches first", async () => {
    const result = await searchProducts("linen shirt");
    expect(result.items[0]?.slug).toBe("linen-shirt");
  });

  it("forgives typos", async () => {
    expect((await searchProducts("hodie")).items.map((p) => p.slug)).toContain("merino-hoodie");
    expect((await searchProducts("candel")).items.length).toBeGreaterThan(0);
    expect((await searchProducts("espreso")).items.map((p) => p.slug)).toContain("espresso-cups-pair");
    expect((await searchProducts("linen shrit")).items[0]?.slug).toBe("linen-shirt");
  });

  it("keeps exact matches free of typo noise", async () => {
    const result = await searchProducts("candle");
    expect(result.items.every((p) => /candle|tealight|taper|gift|trimmer/i.test(p.title + p.summary) || p.slug.includes("candle"))).toBe(true);
  });

  it("past the last page of results reports the total and no items", async () => {
    const result = await searchProducts("wool", 40, 2);
    expect(result.items).toEqual([]);
    expect(result.total).toBeGreaterThan(2);
  });

  it("matches words from descriptions and stems plurals", async () => {
    expect((await searchProducts("napkins")).items.map((p) => p.slug)).toContain("linen-napkins");
    expect((await searchProducts("lanolin")).items.map((p) => p.slug)).toContain("fisherman-jumper");
  });

  it("returns nothing, not an error, for nonsense and hostile input", async () => {
    expect((await searchProducts("zzqqxx")).total).toBe(0);
    expect((await searchProducts("'); drop table products; --")).total).toBeGreaterThanOrEqual(0);
    expect((await searchProducts("x".repeat(100))).total).toBe(0);
    // Page numbers no page would send (a script calling the cached function directly).
    for (const page of [-5, 0, 1.5, Number.NaN, 1e9]) expect((await searchProducts("wool", page)).page).toBe(1);
    const id = await collectionId("knitwear");
    expect((await listCollectionProducts(id, { ...defaultListingState, page: -3 })).page).toBe(1);
    const [row] = await sql`select count(*)::int as n from products`;
    expect(row!.n).toBe(seedProducts.length);
  });

  it("pages results", async () => {
    const first = await searchProducts("wool", 1, 2);
    const second = await searchProducts("wool", 2, 2);
    expect(first.total).toBeGreaterThan(2);
    expect(first.items.map((p) => p.slug)).not.toEqual(second.items.map((p) => p.slug));
  });
});

describe("search forgives the slips shoppers make", () => {
  const slugs = async (query: string) => (await searchProducts(query, 1, 50)).items.map((p) => p.slug);

  it('"Herth" finds the Hearth pillar candle', async () => {
    expect(await slugs("Herth")).toEqual(["hearth-pillar-candle"]);
  });

  it.each([
    ["a missing letter", "walnt", "walnut"],
    ["an extra letter", "merrino", "merino"],
    ["a wrong letter", "walmut", "walnut"],
    ["two letters swapped", "aplaca", "alpaca"],
    ["two letters swapped", "cnadle", "candle"],
    ["two letters swapped", "beanei", "beanie"],
  ])("one slip (%s) in a word of 5+ letters finds what the right spelling finds, in the same order: %s", async (_kind, typo, right) => {
    const expected = await slugs(right);
    expect(expected.length).toBeGreaterThan(0);
    expect(await slugs(typo)).toEqual(expected);
  });

  it.each([
    ["fishremen", "fisherman"],
    ["lamsbwol", "lambswool"],
    ["tablcloht", "tablecloth"],
    ["fingreles", "fingerless"],
  ])("two slips in a word of 8+ letters still find it: %s", async (typo, right) => {
    const expected = await slugs(right);
    expect(expected.length).toBeGreaterThan(0);
    expect(await slugs(typo)).toEqual(expected);
  });

  it("corrects each word of a query on its own", async () => {
    expect(await slugs("herth candel")).toEqual(["hearth-pillar-candle"]);
    expect(await slugs("lamsbwol cardgan")).toEqual(["lambswool-cardigan"]);
  });

  it("does not guess at two slips in a word of 5 to 7 letters", async () => {
    // "linear" is two edits from "linen" and "cardio" two from "card": neither is what the shopper meant.
    expect((await searchProducts("linear")).total).toBe(0);
    expect((await searchProducts("cardio")).total).toBe(0);
  });

  it("does not guess at a slip in a word of 4 letters or fewer", async () => {
    // One edit from "mug", "cup" and "sofa", but short words have too many neighbours to guess.
    expect((await searchProducts("mog")).total).toBe(0);
    expect((await searchProducts("cap")).total).toBe(0);
    expect((await searchProducts("sofs")).total).toBe(0);
  });

  it("finds nothing for nonsense", async () => {
    expect((await searchProducts("glorf")).total).toBe(0);
    expect((await searchProducts("blorptastic zzqqxx")).total).toBe(0);
  });

  it("learns the words of products the merchant adds, and forgets those it renames, hides or deletes", async () => {
    const [product] = await sql`
      insert into products (slug, title, keywords, status) values ('typo-test-tumbler', 'Quillwort tumbler', 'glass', 'published') returning id`;
    await sql`insert into product_variants (product_id, sku, price_amount, currency, stock) values (${product!.id}, 'TYPO-TUMBLER', 1800, 'GBP', 5)`;
    try {
      expect(await slugs("qulliwort")).toEqual(["typo-test-tumbler"]);
      await sql`update products set status = 'draft' where id = ${product!.id}`;
      expect(await slugs("qulliwort")).toEqual([]);
      await sql`update products set status = 'published', title = 'Bramble tumbler' where id = ${product!.id}`;
      expect(await slugs("brambel")).toEqual(["typo-test-tumbler"]);
      expect(await slugs("qulliwort")).toEqual([]);
    } finally {
      await sql`delete from products where id = ${product!.id}`;
    }
    expect(await slugs("brambel")).toEqual([]);
  });

  it("knows every word of every published product after concurrent catalogue edits", async () => {
    const writers = postgres(process.env.DATABASE_URL!, { max: 8, onnotice: () => {} });
    try {
      const edits = await Promise.allSettled(
        Array.from({ length: 16 }, (_, i) =>
          writers.begin(async (tx) => {
            const [p] = await tx`
              insert into products (slug, title, keywords, status)
              values (${`typo-race-${i}`}, ${`Racing tumbler ${["frosted", "smoky", "amber"][i % 3]}`}, 'glass', ${i % 2 ? "published" : "draft"}) returning id`;
            await tx`insert into product_variants (product_id, sku, price_amount, currency, stock) values (${p!.id}, ${`TYPO-RACE-${i}`}, 1200, 'GBP', 3)`;
            await tx`update products set title = ${`Racing beaker ${["cobalt", "mossy"][i % 2]}`}, status = 'published' where id = ${p!.id}`;
          }),
        ),
      );
      // Every writer succeeds: none waits on another's words, so none can deadlock.
      expect(edits.filter((e) => e.status === "rejected")).toEqual([]);
      const missing = await sql`
        select distinct word from products p
        cross join lateral search_words_in(p.title, p.keywords, p.summary, p.materials, p.description) as word
        where p.status = 'published'
        except select word from search_words`;
      expect(missing).toEqual([]);
      expect((await slugs("cobolt")).length).toBe(8);
    } finally {
      await writers`delete from products where slug like 'typo-race-%'`;
      await writers.end();
    }
  });
});

describe("sitemap and health", () => {
  it("lists every published product and collection", async () => {
    const entries = await listSitemapEntries();
    expect(entries.products).toHaveLength(seedProducts.length);
    expect(entries.collections).toHaveLength(seedCollections.length);
  });

  it("reports the database as reachable", async () => {
    expect(await checkDatabase()).toMatchObject({ ok: true });
  });
});
