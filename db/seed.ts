/**
 * Loads the demo catalogue. Idempotent: products, variants and collections are upserted by
 * slug and SKU, so running it twice changes nothing and re-running after editing
 * db/seed-data.ts applies the edits. Stock is only set when a variant is first created, so a
 * re-seed never undoes sales.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { demoPeople, seedCollections, seedDiscountCodes, seedLinkPage, seedProducts, seedTrackedLinks, type SeedProduct } from "./seed-data";

export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 1500;
export const IMAGES_PER_PRODUCT = 2;

export function imagePath(slug: string, index: number) {
  return `/images/generated/${slug}-${index + 1}.webp`;
}

export function skuFor(product: SeedProduct, options: Record<string, string>) {
  const parts = Object.values(options).map((v) =>
    v
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "")
      .slice(0, 6),
  );
  const base = product.slug
    .split("-")
    .map((w) => w.slice(0, 3).toUpperCase())
    .join("");
  return [base, ...parts].filter(Boolean).join("-");
}

const imageAlts = (p: SeedProduct) => [`${p.title}, photographed on a plain background`, `${p.title}, detail`];

export async function seedDatabase(databaseUrl: string, { log = console.log } = {}) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case" });
  const seedDate = Date.UTC(2026, 10, 1);
  try {
    await db.transaction(async (tx) => {
      const collectionIds = new Map<string, number>();
      for (const [position, c] of seedCollections.entries()) {
        const [row] = await tx
          .insert(schema.collections)
          .values({ slug: c.slug, title: c.title, description: c.description, position })
          .onConflictDoUpdate({
            target: schema.collections.slug,
            set: { title: c.title, description: c.description, position },
          })
          .returning({ id: schema.collections.id });
        collectionIds.set(c.slug, row!.id);
      }

      for (const [index, p] of seedProducts.entries()) {
        const values = {
          slug: p.slug,
          title: p.title,
          summary: p.summary,
          description: p.description,
          materials: p.materials,
          care: p.care,
          keywords: p.keywords,
          optionNames: p.optionNames,
          status: "published" as const,
          featuredRank: p.featuredRank ?? null,
          rebuyAfterDays: p.rebuyAfterDays ?? null,
          createdAt: new Date(seedDate - p.ageDays * 86_400_000 + index * 1000),
        };
        const [row] = await tx
          .insert(schema.products)
          .values(values)
          .onConflictDoUpdate({ target: schema.products.slug, set: { ...values, updatedAt: sql`now()` } })
          .returning({ id: schema.products.id });
        const productId = row!.id;

        for (const [position, v] of p.variants.entries()) {
          await tx
            .insert(schema.productVariants)
            .values({
              productId,
              sku: skuFor(p, v.options),
              options: v.options,
              priceAmount: v.price,
              compareAtAmount: v.compareAt ?? null,
              currency: "GBP",
              stock: v.stock,
              position,
            })
            .onConflictDoUpdate({
              target: schema.productVariants.sku,
              set: { options: v.options, priceAmount: v.price, compareAtAmount: v.compareAt ?? null, position },
            });
        }

        await tx.delete(schema.productImages).where(sql`${schema.productImages.productId} = ${productId}`);
        await tx.insert(schema.productImages).values(
          imageAlts(p)
            .slice(0, IMAGES_PER_PRODUCT)
            .map((alt, position) => ({
              productId,
              src: imagePath(p.slug, position),
              alt,
              width: IMAGE_WIDTH,
              height: IMAGE_HEIGHT,
              position,
            })),
        );

        for (const [position, slug] of p.collections.entries()) {
          const collectionId = collectionIds.get(slug);
          if (!collectionId) throw new Error(`Product ${p.slug} names unknown collection ${slug}`);
          await tx
            .insert(schema.collectionProducts)
            .values({ collectionId, productId, position: index * 10 + position })
            .onConflictDoUpdate({
              target: [schema.collectionProducts.collectionId, schema.collectionProducts.productId],
              set: { position: index * 10 + position },
            });
        }
      }

      for (const d of seedDiscountCodes) {
        // Insert only: a re-seed must not reset how often a code has been used.
        await tx.insert(schema.discountCodes).values(d).onConflictDoNothing({ target: schema.discountCodes.code });
      }
      // Insert only: the marketer may have edited or archived them.
      await tx.insert(schema.trackedLinks).values(seedTrackedLinks).onConflictDoNothing({ target: schema.trackedLinks.slug });
      await seedDemoPeople(tx, seedDate);
      await seedDemoLinkPage(tx, collectionIds);
    });
    log(`Seeded ${seedProducts.length} products in ${seedCollections.length} collections.`);
  } finally {
    await client.end();
  }
}

type SeedTx = Parameters<Parameters<ReturnType<typeof drizzle<typeof schema>>["transaction"]>[0]>[0];

/** The demo admin and shopper; created once, never reset (they may have changed things). */
async function seedDemoPeople(tx: SeedTx, seedDate: number) {
  await tx
    .insert(schema.users)
    .values({ email: demoPeople.admin.email, name: demoPeople.admin.name, role: demoPeople.admin.role, emailVerified: new Date(seedDate) })
    .onConflictDoNothing({ target: schema.users.email });
  for (const person of demoPeople.staff) {
    await tx.insert(schema.users).values({ ...person, emailVerified: new Date(seedDate) }).onConflictDoNothing({ target: schema.users.email });
  }
  const { shopper } = demoPeople;
  const [created] = await tx
    .insert(schema.users)
    .values({ email: shopper.email, name: shopper.name, role: shopper.role, emailVerified: new Date(seedDate - 30 * 86_400_000), createdAt: new Date(seedDate - 30 * 86_400_000) })
    .onConflictDoNothing({ target: schema.users.email })
    .returning({ id: schema.users.id });
  if (!created) return;
  await tx.insert(schema.addresses).values({ userId: created.id, ...shopper.address, isDefault: true });

  for (const [n, order] of shopper.orders.entries()) {
    const createdAt = new Date(seedDate - order.daysAgo * 86_400_000);
    const items = [];
    for (const [slug, variantIndex, quantity] of order.lines) {
      const [variant] = await tx.execute<{ id: number; sku: string; price_amount: number; title: string; options: Record<string, string> }>(sql`
        select v.id, v.sku, v.price_amount, p.title, v.options from product_variants v join products p on p.id = v.product_id
        where p.slug = ${slug} order by v.position offset ${variantIndex} limit 1`);
      if (!variant) throw new Error(`Demo order names unknown product ${slug}`);
      items.push({ variantId: variant.id, sku: variant.sku, productTitle: variant.title, variantTitle: Object.values(variant.options).join(" / "), unitPrice: variant.price_amount, quantity, lineTotal: variant.price_amount * quantity });
    }
    const subtotal = items.reduce((sum, i) => sum + i.lineTotal, 0);
    const shipping = subtotal >= 6000 ? 0 : 495;
    const total = subtotal + shipping;
    const [row] = await tx
      .insert(schema.orders)
      .values({
        email: shopper.email,
        userId: created.id,
        status: order.status,
        shippingName: shopper.address.name,
        shippingLine1: shopper.address.line1,
        shippingLine2: shopper.address.line2,
        shippingCity: shopper.address.city,
        shippingPostalCode: shopper.address.postalCode,
        shippingCountry: shopper.address.country,
        shippingMethod: "standard",
        currency: "GBP",
        subtotalAmount: subtotal,
        shippingAmount: shipping,
        taxAmount: total - Math.round(total / 1.2),
        totalAmount: total,
        pricesIncludeTax: true,
        paymentProvider: "manual",
        newsletterOptIn: n === 0,
        idempotencyKey: `demo-order-${n}`,
        requestFingerprint: "demo",
        createdAt,
      })
      .returning({ id: schema.orders.id });
    await tx.insert(schema.orderItems).values(items.map((i) => ({ ...i, orderId: row!.id })));
    await tx.insert(schema.orderEvents).values({ orderId: row!.id, status: order.status, note: "Demo order", createdAt });
  }

  // The shopper ticked the newsletter box on their first order and confirmed by email.
  const firstOrder = new Date(seedDate - shopper.orders[0]!.daysAgo * 86_400_000);
  const [subscriber] = await tx
    .insert(schema.subscribers)
    .values({ email: shopper.email, userId: created.id, createdAt: firstOrder, confirmedAt: new Date(firstOrder.getTime() + 600_000) })
    .returning({ id: schema.subscribers.id });
  const base = { subscriberId: subscriber!.id, userId: created.id, purpose: "newsletter:new-arrivals", wordingId: "newsletter-new-arrivals@2026-11" };
  await tx.insert(schema.consentEvents).values([
    { ...base, action: "requested", source: "checkout", method: "checkbox", createdAt: firstOrder },
    { ...base, action: "granted", source: "email-link", method: "double_opt_in", createdAt: new Date(firstOrder.getTime() + 600_000) },
  ]);
}

/** The demo link page, once: a page someone has already edited (or emptied) is left as it is. */
async function seedDemoLinkPage(tx: SeedTx, collectionIds: Map<string, number>) {
  const [settings] = await tx
    .insert(schema.linkPageSettings)
    .values({ id: 1, intro: seedLinkPage.intro })
    .onConflictDoNothing({ target: schema.linkPageSettings.id })
    .returning({ id: schema.linkPageSettings.id });
  if (!settings) return;
  const productIds = new Map<string, number>();
  for (const row of await tx.select({ id: schema.products.id, slug: schema.products.slug }).from(schema.products)) productIds.set(row.slug, row.id);
  const target = (map: Map<string, number>, slug: string) => {
    const id = map.get(slug);
    if (id === undefined) throw new Error(`The demo link page names unknown ${slug}`);
    return id;
  };
  await tx.insert(schema.linkPageLinks).values(
    seedLinkPage.links.map((link, position) => ({
      position,
      kind: link.kind,
      label: link.label,
      productId: link.kind === "product" ? target(productIds, link.slug) : null,
      collectionId: link.kind === "collection" ? target(collectionIds, link.slug) : null,
      url: link.kind === "url" ? link.url : null,
    })),
  );
}

/** True when the catalogue has never been seeded (used by `npm run dev` to seed once). */
export async function isCatalogueEmpty(databaseUrl: string) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client`select exists (select 1 from products) as found`;
    return !row?.found;
  } finally {
    await client.end();
  }
}
