"use server";

import { z } from "zod";
import {
  addProductImage,
  applyProductImport,
  createProduct,
  lockProduct,
  makeImageFirst,
  removeProductImage,
  updateProduct,
  type ProductSnapshot,
} from "@/db/queries/admin-products";
import { adminAction } from "@/lib/actions";
import { deliverBackInStockSoon } from "@/lib/back-in-stock/deliver";
import { readProductCsv, type CsvIssue } from "@/lib/catalog/csv";
import { AppError } from "@/lib/errors";
import { shopConfig } from "@/lib/shop-config";
import { getStorage } from "@/lib/storage";
import { imageProblemText, storageKeyOf, storeProductImage, uploadUrl } from "@/lib/storage/product-images";
import { readProductForm } from "@/lib/validations/product";
import { expireProductChanges } from "./expire";

const idField = z.coerce.number({ error: "This form is missing its product. Reload the page." }).int().positive();

/**
 * The product form: its fixed fields are listed so the wrapper reads every ticked collection
 * and every option name; the variant rows (variants.0.sku …) pass through and are checked by
 * readProductForm, which reports each error under the field it belongs to.
 */
const productFormFields = z.looseObject({ collections: z.array(z.string()).max(100), optionNames: z.array(z.string()).max(10) });

function readProduct(input: Record<string, unknown>) {
  const result = readProductForm(input, shopConfig.currency);
  if (!result.ok) throw new AppError("invalid", "Please check the highlighted fields.", result.fieldErrors);
  return result.data;
}

/** A unique index beat our check (two saves at once): said as the field's own error. */
function uniqueViolation(error: unknown): AppError | null {
  const cause = (error as { cause?: { code?: string; constraint_name?: string } })?.cause ?? (error as { code?: string; constraint_name?: string });
  if (cause?.code !== "23505") return null;
  if (cause.constraint_name === "products_slug_key") return new AppError("invalid", "Please check the highlighted fields.", { slug: ["Another product already uses this slug. Choose another."] });
  if (cause.constraint_name === "product_variants_sku_key") return new AppError("invalid", "Another product took one of these SKUs a moment ago. Change it and save again.");
  return null;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

type Changed = Record<string, { before: unknown; after: unknown }>;

/** The fields that differ, for the audit entry: names and values, never a whole record. */
function changedFields(before: ProductSnapshot, after: ProductSnapshot): Changed {
  const changed: Changed = {};
  for (const key of ["slug", "title", "summary", "description", "materials", "care", "status", "rebuyAfterDays", "optionNames", "collections"] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = { before: before[key], after: after[key] };
  }
  const beforeById = new Map(before.variants.map((v) => [v.id, v]));
  const afterIds = new Set(after.variants.map((v) => v.id));
  for (const v of after.variants) {
    const old = beforeById.get(v.id);
    if (!old) {
      changed[`variant ${v.sku}`] = { before: null, after: { price: v.price, compareAt: v.compareAt, stock: v.stock, options: v.options } };
      continue;
    }
    const diff: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of ["sku", "price", "compareAt", "stock", "options"] as const) {
      if (JSON.stringify(old[key]) !== JSON.stringify(v[key])) diff[key] = { before: old[key], after: v[key] };
    }
    if (Object.keys(diff).length) changed[`variant ${old.sku}`] = { before: Object.fromEntries(Object.entries(diff).map(([k, d]) => [k, d.before])), after: Object.fromEntries(Object.entries(diff).map(([k, d]) => [k, d.after])) };
  }
  for (const v of before.variants) if (!afterIds.has(v.id)) changed[`variant ${v.sku}`] = { before: { price: v.price, stock: v.stock }, after: null };
  return changed;
}

export const createProductAction = adminAction("catalog:write", productFormFields, async (input, { tx }) => {
  const product = readProduct(input);
  const { id, after } = await guarded(() => createProduct(tx, product, shopConfig.currency));
  return {
    data: { id },
    audit: {
      action: "product.create",
      entityType: "product",
      entityId: id,
      summary: `Created product #${id} “${after.title}” (${after.status}) with ${after.variants.length} variant${after.variants.length === 1 ? "" : "s"}`,
      after: { slug: after.slug, title: after.title, status: after.status, collections: after.collections, variants: after.variants.map((v) => ({ sku: v.sku, price: v.price, stock: v.stock })) },
    },
    afterCommit: () => expireProductChanges([{ before: null, after }]),
    redirectTo: `/admin/products/${id}?created=1`,
  };
});

export const updateProductAction = adminAction("catalog:write", productFormFields.extend({ id: idField }), async (input, { tx }) => {
  const product = readProduct(input);
  const { before, after } = await guarded(() => updateProduct(tx, input.id, product, shopConfig.currency));
  const changed = changedFields(before, after);
  const names = Object.keys(changed);
  return {
    // The variants as saved, in the form's order: the form takes their ids and stock from here.
    data: { id: input.id, slug: after.slug, variants: after.variants.map((v) => ({ id: v.id, stock: v.stock })) },
    audit: {
      action: "product.update",
      entityType: "product",
      entityId: input.id,
      summary: names.length ? `Updated product #${input.id}: ${names.join(", ")}` : `Saved product #${input.id} without changes`,
      before: Object.fromEntries(names.map((n) => [n, changed[n]!.before])),
      after: Object.fromEntries(names.map((n) => [n, changed[n]!.after])),
    },
    message: names.length ? "Product saved. The shop shows the change now." : "Saved. Nothing had changed.",
    afterCommit: () => {
      expireProductChanges([{ before, after }]);
      // A sold-out option now on the shelf (or a product now published): its back-in-stock
      // requests became due in this change's transaction (a trigger); their emails go once
      // the response has been sent. With nothing due this is one indexed query.
      deliverBackInStockSoon();
    },
  };
});

const uploadSchema = z.object({
  id: idField,
  alt: z.string().trim().min(1, "Describe the photo for people who cannot see it (e.g. “Oak board with bread on it”).").max(200, "At most 200 characters."),
  image: z.instanceof(Blob, { error: "Choose a photo to upload." }),
});

export const uploadProductImageAction = adminAction("catalog:write", uploadSchema, async (input, { tx }) => {
  const before = await lockProduct(tx, input.id);
  const stored = await storeProductImage(getStorage(), input.image);
  if ("problem" in stored) throw new AppError("invalid", "Please check the highlighted fields.", { image: [imageProblemText[stored.problem]] });
  try {
    const src = uploadUrl(stored.key);
    const { id: imageId } = await addProductImage(tx, input.id, { src, alt: input.alt, width: stored.width, height: stored.height });
    return {
      data: { imageId, src },
      audit: { action: "product.image.add", entityType: "product", entityId: input.id, summary: `Added photo #${imageId} (${stored.width}×${stored.height}) to product #${input.id}`, after: { src, alt: input.alt } },
      message: "Photo added.",
      afterCommit: () => expireProductChanges([{ before, after: before, imagesChanged: true }]),
    };
  } catch (error) {
    // The row was not written: the file must not stay behind unreferenced.
    await getStorage().delete(stored.key);
    throw error;
  }
});

const imageSchema = z.object({ id: idField, imageId: z.coerce.number().int().positive() });

export const removeProductImageAction = adminAction("catalog:write", imageSchema, async (input, { tx }) => {
  const product = await lockProduct(tx, input.id);
  const removed = await removeProductImage(tx, input.id, input.imageId);
  if (!removed) throw new AppError("not_found", "That photo was already removed. Reload the page.");
  const key = storageKeyOf(removed.src);
  return {
    data: { imageId: input.imageId },
    audit: { action: "product.image.remove", entityType: "product", entityId: input.id, summary: `Removed photo #${input.imageId} from product #${input.id}`, before: { src: removed.src, alt: removed.alt } },
    message: "Photo removed.",
    afterCommit: async () => {
      expireProductChanges([{ before: product, after: product, imagesChanged: true }]);
      // Only after the commit: a rolled-back removal must still find its file.
      if (key) await getStorage().delete(key);
    },
  };
});

export const makeImageFirstAction = adminAction("catalog:write", imageSchema, async (input, { tx }) => {
  const product = await lockProduct(tx, input.id);
  if (!(await makeImageFirst(tx, input.id, input.imageId))) throw new AppError("not_found", "That photo was removed. Reload the page.");
  return {
    data: { imageId: input.imageId },
    audit: { action: "product.image.reorder", entityType: "product", entityId: input.id, summary: `Made photo #${input.imageId} the first photo of product #${input.id}` },
    message: "That photo now leads.",
    afterCommit: () => expireProductChanges([{ before: product, after: product, imagesChanged: true }]),
  };
});

export type ImportReport = { issues: CsvIssue[] } | { created: string[]; updated: string[]; unchanged: string[]; variantsCreated: number; variantsUpdated: number };

const importSchema = z.object({ file: z.instanceof(Blob, { error: "Choose a CSV file to import." }) });

/**
 * Every row is checked before anything is written; one bad row and nothing is applied. A
 * failed import is still an answer (the report per row and column), not an exception, so it
 * comes back as data; it is then rolled back by throwing inside the transaction.
 */
export const importProductsAction = adminAction("catalog:write", importSchema, async (input, { tx }) => {
  const read = await readProductCsv(input.file, shopConfig.currency);
  if (!read.ok) throw new ImportRefused(read.issues);
  const applied = await guarded(() => applyProductImport(tx, read.products, shopConfig.currency));
  if (!applied.ok) throw new ImportRefused(applied.conflicts as CsvIssue[]);
  const { outcome } = applied;
  return {
    data: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged, variantsCreated: outcome.variantsCreated, variantsUpdated: outcome.variantsUpdated } satisfies ImportReport,
    audit: {
      action: "product.import",
      entityType: "product",
      entityId: "csv",
      summary: `Imported ${read.rows} CSV rows: ${outcome.created.length} products created, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged; ${outcome.variantsCreated} variants created, ${outcome.variantsUpdated} updated`,
      after: { created: outcome.created, updated: outcome.updated },
    },
    message: "Import applied.",
    afterCommit: () => {
      expireProductChanges(outcome.touched);
      deliverBackInStockSoon();
    },
  };
});

/** An import refused row by row: the report travels in the error's fields, keyed "row:column". */
class ImportRefused extends AppError {
  constructor(issues: CsvIssue[]) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues.slice(0, 500)) (fieldErrors[`${issue.row}:${issue.column}`] ??= []).push(issue.message);
    super("invalid", `Nothing was imported: ${issues.length === 1 ? "1 problem was" : `${issues.length} problems were`} found. Fix ${issues.length === 1 ? "it" : "them"} in the file and import it again.`, fieldErrors);
  }
}
