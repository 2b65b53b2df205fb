import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * The product admin against a real database, through its server actions. Only the session is
 * replaced (Auth.js needs a request) and Next's cache calls are recorded instead of made.
 */
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  const staff = { id: "staff-products", email: "staff@example.com", name: "Sam", role: "staff" as const };
  return {
    requireUser: async () => staff,
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(staff.role, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return staff;
    },
  };
});
const expired = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => expired.push(tag) }));

const { updateProductAction, uploadProductImageAction, importProductsAction } = await import("@/app/admin/products/actions");
const { exportProductRows } = await import("@/db/queries/admin-products");
const { placeOrder } = await import("@/db/queries/orders");
const { productCsvStream } = await import("@/lib/catalog/csv");
const { LocalDiskStorage } = await import("@/lib/storage/local-disk");
const { MAX_UPLOAD_BYTES, storeProductImage } = await import("@/lib/storage/product-images");

const sql = testSql();
const uploadsToClean: string[] = [];
afterAll(async () => {
  await sql`delete from orders where id in (select order_id from order_items where sku like 'ADMT-%')`;
  await sql`delete from products where slug like 'admin-test-%'`;
  for (const file of uploadsToClean) await rm(file, { force: true });
  await sql.end();
});
beforeEach(() => {
  expired.length = 0;
});

async function makeProduct(stock: number, status = "published") {
  const slug = `admin-test-${randomUUID().slice(0, 8)}`;
  const sku = `ADMT-${slug.slice(-8).toUpperCase()}`;
  const [product] = await sql`insert into products (slug, title, status, option_names) values (${slug}, ${"Test board"}, ${status}, '["Size"]') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${sku}, '{"Size":"M"}', 2500, 'GBP', ${stock}) returning id`;
  return { productId: product!.id as number, variantId: variant!.id as number, slug, sku };
}

function productForm(p: { productId: number; variantId: number; slug: string; sku: string }, fields: { stock: number; stockRead: number; status?: string; title?: string; slug?: string }) {
  const data = new FormData();
  const values: Record<string, string> = {
    id: String(p.productId),
    title: fields.title ?? "Test board",
    slug: fields.slug ?? p.slug,
    status: fields.status ?? "published",
    summary: "",
    description: "",
    materials: "",
    care: "",
    optionNames: "Size",
    "variants.0.id": String(p.variantId),
    "variants.0.sku": p.sku,
    "variants.0.price": "25.00",
    "variants.0.stock": String(fields.stock),
    "variants.0.stockRead": String(fields.stockRead),
    "variants.0.options.0": "M",
  };
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

function order(variantId: number) {
  return placeOrder({
    idempotencyKey: randomUUID(),
    email: "buyer@example.com",
    shipping: { name: "Buyer", line1: "1 High St", line2: "", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
    shippingMethod: "standard",
    discountCode: null,
    items: [{ variantId, quantity: 1 }],
    newsletterOptIn: false,
    paymentProvider: "manual",
  });
}

const stockOf = async (variantId: number) => (await sql`select stock from product_variants where id = ${variantId}`)[0]!.stock as number;
const ordersOf = async (sku: string) => Number((await sql`select count(*) from order_items where sku = ${sku}`)[0]!.count);

describe("stock edits and orders at the same time", () => {
  it("a delivery typed in the form while orders come in: every sale is kept and the delivery is added", async () => {
    const p = await makeProduct(10);
    // The merchant opened the form at 10 and counted 5 more in (types 15). Three shoppers buy
    // while the form is open, and five more at the very moment it is saved.
    for (let i = 0; i < 3; i++) expect(await order(p.variantId)).toMatchObject({ ok: true });
    const [saved, ...orders] = await Promise.all([updateProductAction(null, productForm(p, { stockRead: 10, stock: 15 })), ...Array.from({ length: 5 }, () => order(p.variantId))]);
    expect(saved).toMatchObject({ ok: true });
    expect(orders.filter((o) => o.ok)).toHaveLength(5);
    // Writing "15" over the stock would have sold 8 and still shown at least 10.
    expect(await ordersOf(p.sku)).toBe(8);
    expect(await stockOf(p.variantId)).toBe(10 + 5 - 8);
  });

  it("taking stock away never goes below 0: a removal that no longer fits is refused with the real count", async () => {
    const p = await makeProduct(5);
    // Read at 5; the merchant writes off 4 (types 1) while 3 shoppers buy.
    const results = await Promise.all([...Array.from({ length: 3 }, () => order(p.variantId)), updateProductAction(null, productForm(p, { stockRead: 5, stock: 1 }))]);
    const saved = results.at(-1) as Awaited<ReturnType<typeof updateProductAction>>;
    const placed = results.slice(0, 3).filter((o) => "order" in o && o.ok).length;
    const stock = await stockOf(p.variantId);
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(await ordersOf(p.sku)).toBe(placed);
    if (saved.ok) {
      // The edit went first: 5 - 4 = 1 left, so only one of the three could buy.
      expect(placed).toBe(1);
      expect(stock).toBe(0);
    } else {
      // Orders went first: 2 left, and taking 4 away is refused; nothing else changed.
      expect(placed).toBe(3);
      expect(stock).toBe(2);
      expect(saved.fieldErrors?.["variants.0.stock"]?.[0]).toMatch(/^Only 2 left now/);
    }
  });

  it("refuses a stale removal outright and changes nothing", async () => {
    const p = await makeProduct(2);
    await order(p.variantId);
    await order(p.variantId);
    const saved = await updateProductAction(null, productForm(p, { stockRead: 2, stock: 0, title: "Renamed while stale" }));
    expect(saved).toMatchObject({ ok: false, code: "conflict" });
    expect(await stockOf(p.variantId)).toBe(0);
    expect((await sql`select title from products where id = ${p.productId}`)[0]!.title).toBe("Test board");
  });
});

describe("saving a product", () => {
  it("writes an audit entry of the changed fields and expires exactly its pages", async () => {
    const p = await makeProduct(4);
    const result = await updateProductAction(null, productForm(p, { stockRead: 4, stock: 6, title: "Oak board" }));
    expect(result).toMatchObject({ ok: true });
    const [entry] = await sql`select action, summary, before, after from audit_log where entity_type = 'product' and entity_id = ${String(p.productId)} order by id desc limit 1`;
    expect(entry).toMatchObject({ action: "product.update", summary: `Updated product #${p.productId}: title, variant ${p.sku}` });
    expect(entry!.before).toEqual({ title: "Test board", [`variant ${p.sku}`]: { stock: 4 } });
    expect(entry!.after).toEqual({ title: "Oak board", [`variant ${p.sku}`]: { stock: 6 } });
    expect(expired.sort()).toEqual(["featured-products", `product:${p.slug}`, "search"]);
  });

  it("a new slug expires the old page too, and a draft stops being shown", async () => {
    const p = await makeProduct(4);
    const result = await updateProductAction(null, productForm(p, { stockRead: 4, stock: 4, slug: `${p.slug}-new`, status: "draft" }));
    expect(result).toMatchObject({ ok: true });
    expect(expired).toEqual(expect.arrayContaining([`product:${p.slug}`, "collections", "search"]));
  });
});

describe("photo uploads", () => {
  const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#c08040" } }).png().toBuffer();

  it("are converted to webp, and a non-image named .png or an oversized file is refused with nothing stored", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hearth-uploads-"));
    const storage = new LocalDiskStorage(dir);
    const disguised = new File(["<?php echo 'not a photo'; ?>"], "photo.png", { type: "image/png" });
    expect(await storeProductImage(storage, disguised)).toEqual({ problem: "not_an_image" });
    const huge = new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "huge.jpg", { type: "image/jpeg" });
    expect(await storeProductImage(storage, huge)).toEqual({ problem: "too_large" });
    expect(await readdir(dir)).toEqual([]);

    const stored = await storeProductImage(storage, new File([await png()], "board.png", { type: "image/png" }));
    expect(stored).toMatchObject({ width: 40, height: 30 });
    const object = await storage.get((stored as { key: string }).key);
    expect(object?.contentType).toBe("image/webp");
    expect((await sharp(object!.body).metadata()).format).toBe("webp");
    await rm(dir, { recursive: true, force: true });
  });

  it("through the action: a refused file says why under the field and adds no photo", async () => {
    const p = await makeProduct(1);
    const form = new FormData();
    form.set("id", String(p.productId));
    form.set("alt", "A board");
    form.set("image", new File(["GIF89a but not really"], "board.png", { type: "image/png" }));
    const refused = await uploadProductImageAction(null, form);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { image: [expect.stringContaining("not a photo")] } });
    form.set("image", new File([await png()], "board.png", { type: "image/png" }));
    const added = await uploadProductImageAction(null, form);
    expect(added).toMatchObject({ ok: true });
    const rows = await sql`select src, alt, width, height from product_images where product_id = ${p.productId}`;
    expect(rows).toEqual([{ src: expect.stringMatching(/^\/uploads\/products\/[0-9a-f]{32}\.webp$/), alt: "A board", width: 40, height: 30 }]);
    uploadsToClean.push(path.resolve(".data/uploads", (rows[0]!.src as string).slice("/uploads/".length)));
  });
});

async function exportCsv(): Promise<string> {
  return new Response(productCsvStream(exportProductRows(7))).text();
}

async function catalogueFingerprint() {
  return sql`
    select p.slug, p.title, p.status, p.summary, p.description, p.materials, p.care, p.option_names, p.updated_at,
      (select json_agg(json_build_object('sku', v.sku, 'options', v.options, 'price', v.price_amount, 'compare', v.compare_at_amount, 'stock', v.stock) order by v.id) from product_variants v where v.product_id = p.id) as variants,
      (select json_agg(cp.collection_id order by cp.collection_id) from collection_products cp where cp.product_id = p.id) as collections
    from products p order by p.id`;
}

async function importCsv(text: string) {
  const form = new FormData();
  form.set("file", new File([text], "products.csv", { type: "text/csv" }));
  return importProductsAction(null, form);
}

describe("CSV export and import", () => {
  it("export → import round-trips: every product is unchanged", async () => {
    const before = await catalogueFingerprint();
    const csv = await exportCsv();
    expect(csv.split("\n")[0]).toContain("slug,title,status");
    const result = await importCsv(csv);
    expect(result).toMatchObject({ ok: true, data: { created: [], updated: [], variantsCreated: 0 } });
    expect(await catalogueFingerprint()).toEqual(before);
    const [entry] = await sql`select action, summary from audit_log where action = 'product.import' order by id desc limit 1`;
    expect(entry!.summary).toMatch(/products created, 0 updated/);
  });

  it("one bad row: nothing is applied, and the report names its row and column", async () => {
    const good = await makeProduct(3);
    const p = await makeProduct(3);
    const before = await catalogueFingerprint();
    const lines = (await exportCsv()).split("\n");
    const goodLine = lines.findIndex((l) => l.startsWith(`${good.slug},`));
    const ours = lines.findIndex((l) => l.startsWith(`${p.slug},`));
    // A good change on one row (a stocktake and archiving), and a price nobody could charge on another.
    lines[goodLine] = lines[goodLine]!.replace(",published,", ",archived,").replace(/,3,3$/, ",40,3");
    lines[ours] = lines[ours]!.replace(",25.00,", ",twenty-five,");
    const result = await importCsv(lines.join("\n"));
    expect(result).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/^Nothing was imported/) });
    expect(Object.keys((result as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual([`${ours + 1}:price`]);
    expect(await catalogueFingerprint()).toEqual(before);
  });

  it("keeps the sales made since the export: the file's stock change is added to the stock as it is now", async () => {
    const p = await makeProduct(10);
    const lines = (await exportCsv()).split("\n");
    const ours = lines.findIndex((l) => l.startsWith(`${p.slug},`));
    expect(lines[ours]).toMatch(/,10,10$/);
    // Three sell while the merchant edits the file, adding a delivery of 5.
    await sql`update product_variants set stock = stock - 3 where id = ${p.variantId}`;
    lines[ours] = lines[ours]!.replace(/,10,10$/, ",15,10");
    expect(await importCsv(lines.join("\n"))).toMatchObject({ ok: true });
    expect(await stockOf(p.variantId)).toBe(12);

    // Taking away more than is left now is refused, row and column named, and nothing is applied.
    lines[ours] = lines[ours]!.replace(/,15,10$/, ",0,12").replace(",published,", ",archived,");
    await sql`update product_variants set stock = 4 where id = ${p.variantId}`;
    const refused = await importCsv(lines.join("\n"));
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    expect((refused as { fieldErrors: Record<string, string[]> }).fieldErrors[`${ours + 1}:stock`]?.[0]).toMatch(/^Only 4 left now/);
    expect(await stockOf(p.variantId)).toBe(4);
    expect(await sql`select status from products where id = ${p.productId}`).toEqual([{ status: "published" }]);
  });

  it("creates new products by slug and updates variants by SKU in one go", async () => {
    const slug = `admin-test-${randomUUID().slice(0, 8)}`;
    const header = (await exportCsv()).split("\n")[0]!;
    const csv = `${header}\n${slug},Imported jug,published,,,,,ceramics,Colour,ADMT-${slug.slice(-8).toUpperCase()}-A,Sand,18.00,,GBP,4,\n${slug},Imported jug,published,,,,,ceramics,Colour,ADMT-${slug.slice(-8).toUpperCase()}-B,Slate,18.00,22.00,GBP,0,\n`;
    const result = await importCsv(csv);
    expect(result).toMatchObject({ ok: true, data: { created: [slug], variantsCreated: 2 } });
    expect(await sql`select v.sku, v.price_amount, v.compare_at_amount, v.stock from product_variants v join products p on p.id = v.product_id where p.slug = ${slug} order by v.sku`).toEqual([
      { sku: `ADMT-${slug.slice(-8).toUpperCase()}-A`, price_amount: 1800, compare_at_amount: null, stock: 4 },
      { sku: `ADMT-${slug.slice(-8).toUpperCase()}-B`, price_amount: 1800, compare_at_amount: 2200, stock: 0 },
    ]);
    expect(expired).toEqual(expect.arrayContaining([`product:${slug}`, "collection:ceramics"]));
  });
});
