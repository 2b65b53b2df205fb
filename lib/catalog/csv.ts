import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { z } from "zod";
import { productStatuses } from "@/db/schema/catalog";
import { formatMoneyInput, LIST_SEPARATOR, parseMoneyInput, skuSchema, slugSchema } from "@/lib/validations/product";
import { neutraliseFormula } from "@/lib/csv/stream";
import { minorUnitDigits } from "@/lib/money";

/*
 * The product CSV: one row per variant, the product's own fields repeated on each of its rows.
 * Lists (collections, option names, option values) are joined with "|", which the product form
 * refuses inside names and values, so a list always splits back into what was joined.
 * Amounts are decimal major units of the shop currency, as the merchant types them. Parsing
 * and quoting are csv-parse's and csv-stringify's, both streaming.
 */

export const productCsvColumns = [
  "slug",
  "title",
  "status",
  "summary",
  "description",
  "materials",
  "care",
  "collections",
  "option_names",
  "sku",
  "option_values",
  "price",
  "compare_at_price",
  "currency",
  "stock",
  "stock_exported",
] as const;
export type ProductCsvColumn = (typeof productCsvColumns)[number];

/**
 * `stock_exported` is the stock when the file was exported. With it, an import applies the
 * change made in the file (stock − stock_exported) to the stock as it is now, so sales made
 * since the export are kept, as the product form does. A file without it (made by hand, or by
 * another system) sets stock as a count: a stocktake.
 */
const optionalColumns: readonly ProductCsvColumn[] = ["stock_exported"];

/** The largest CSV file accepted for import, and the most rows. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export type CsvProductRow = {
  slug: string;
  title: string;
  status: (typeof productStatuses)[number];
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

const join = (list: string[]) => list.join(LIST_SEPARATOR);
const split = (cell: string) => (cell.trim() === "" ? [] : cell.split(LIST_SEPARATOR).map((v) => v.trim()));

/** Free text a staff member typed: a formula in it must reach a spreadsheet as text (lib/csv/stream.ts). */
const text = neutraliseFormula;

/** Undoes `text` on import, so export → import round-trips: the apostrophe goes only when a formula character follows it. */
export function restoreFormulaText(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function productRowToRecord(row: CsvProductRow): Record<ProductCsvColumn, string> {
  return {
    slug: row.slug,
    title: text(row.title),
    status: row.status,
    summary: text(row.summary),
    description: text(row.description),
    materials: text(row.materials),
    care: text(row.care),
    collections: join(row.collections),
    option_names: text(join(row.optionNames)),
    sku: text(row.sku),
    option_values: text(join(row.optionValues)),
    price: formatMoneyInput(row.price, row.currency),
    compare_at_price: row.compareAt === null ? "" : formatMoneyInput(row.compareAt, row.currency),
    currency: row.currency,
    stock: String(row.stock),
    stock_exported: String(row.stock),
  };
}

/**
 * The export as a web stream of CSV text: rows are pulled from `rows` as the client reads, so
 * memory holds one batch, not the catalogue. A byte-order mark first, so spreadsheet apps read
 * the UTF-8 correctly.
 */
export function productCsvStream(rows: AsyncIterable<CsvProductRow>): ReadableStream<Uint8Array> {
  async function* records() {
    for await (const row of rows) yield productRowToRecord(row);
  }
  const csv = Readable.from(records()).pipe(stringify({ header: true, columns: [...productCsvColumns], bom: true }));
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}

/* ------------------------------------------------------------------ import */

export type CsvIssue = { row: number; column: ProductCsvColumn | "file"; message: string };

const cellText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

function rowSchema(currency: string) {
  const amount = (label: string) => (value: string, ctx: z.RefinementCtx) => {
    const parsed = parseMoneyInput(value, currency);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: minorUnitDigits(currency) === 0 ? `Enter the ${label} as a whole number.` : `Enter the ${label} as an amount such as 12.50.` });
      return z.NEVER;
    }
    return parsed;
  };
  return z
    .object({
      slug: slugSchema,
      title: cellText(200).min(1, "Enter a title."),
      status: z.enum(productStatuses, { error: `Use one of: ${productStatuses.join(", ")}.` }),
      summary: cellText(300),
      description: cellText(10_000),
      materials: cellText(2_000),
      care: cellText(2_000),
      collections: z.string().transform(split).pipe(z.array(slugSchema).max(50)),
      option_names: z.string().transform(split).pipe(z.array(z.string().min(1, "An option name is empty.").max(60)).max(3, "At most 3 options.")),
      sku: skuSchema,
      option_values: z.string().transform(split).pipe(z.array(z.string().min(1, "An option value is empty.").max(60))),
      price: z.string().transform(amount("price")),
      compare_at_price: z.string().transform((value, ctx) => (value.trim() === "" ? null : amount("compare-at price")(value, ctx))),
      currency: z.string().trim().refine((c) => c.toUpperCase() === currency, `Prices must be in the shop's currency, ${currency}.`),
      stock: z.string().trim().regex(/^\d{1,7}$/, "Enter the stock as a whole number of 0 or more.").transform(Number),
      stock_exported: z
        .string()
        .trim()
        .regex(/^(\d{1,7})?$/, "Leave stock_exported as the export wrote it (a whole number), or empty to set the stock as a count.")
        .optional()
        .transform((v) => (v ? Number(v) : null)),
    })
    .superRefine((row, ctx) => {
      if (row.option_values.length !== row.option_names.length) {
        ctx.addIssue({ code: "custom", path: ["option_values"], message: `Give one value per option (${row.option_names.length}, separated by “${LIST_SEPARATOR}”).` });
      }
      if (row.compare_at_price !== null && row.compare_at_price <= row.price) {
        ctx.addIssue({ code: "custom", path: ["compare_at_price"], message: "The compare-at price must be higher than the price (or empty)." });
      }
    });
}

/** The product-level columns every row of one product must agree on. */
const productColumns = ["title", "status", "summary", "description", "materials", "care", "collections", "option_names"] as const;

export type ImportPlan = {
  slug: string;
  title: string;
  status: CsvProductRow["status"];
  summary: string;
  description: string;
  materials: string;
  care: string;
  collections: string[];
  optionNames: string[];
  variants: { sku: string; optionValues: string[]; price: number; compareAt: number | null; stock: number; stockExported: number | null; row: number }[];
};

/**
 * Every record checked before anything is applied: each cell on its own, then the rows of one
 * product against each other (same product fields, no SKU or option combination twice). Row
 * numbers are the file's line numbers as a spreadsheet shows them (the header is row 1).
 */
export function validateProductRecords(header: string[], records: Record<string, string>[], currency: string): { ok: true; products: ImportPlan[] } | { ok: false; issues: CsvIssue[] } {
  const issues: CsvIssue[] = [];
  for (const column of productCsvColumns) if (!header.includes(column) && !optionalColumns.includes(column)) issues.push({ row: 1, column, message: "This column is missing from the header." });
  for (const column of header) if (!(productCsvColumns as readonly string[]).includes(column)) issues.push({ row: 1, column: "file", message: `Unknown column “${column}”.` });
  if (issues.length) return { ok: false, issues };
  if (records.length === 0) return { ok: false, issues: [{ row: 1, column: "file", message: "The file has a header but no rows." }] };

  const schema = rowSchema(currency);
  const plans = new Map<string, { plan: ImportPlan; firstRow: number; raw: Record<string, string> }>();
  const skuRows = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ row, column: (issue.path[0] as ProductCsvColumn) ?? "file", message: issue.message });
      return;
    }
    const r = parsed.data;
    const sku = r.sku.toUpperCase();
    if (skuRows.has(sku)) issues.push({ row, column: "sku", message: `Row ${skuRows.get(sku)} already has this SKU.` });
    else skuRows.set(sku, row);
    const existing = plans.get(r.slug);
    if (!existing) {
      plans.set(r.slug, {
        firstRow: row,
        raw: record,
        plan: {
          slug: r.slug,
          title: r.title,
          status: r.status,
          summary: r.summary,
          description: r.description,
          materials: r.materials,
          care: r.care,
          collections: r.collections,
          optionNames: r.option_names,
          variants: [{ sku: r.sku, optionValues: r.option_values, price: r.price, compareAt: r.compare_at_price, stock: r.stock, stockExported: r.stock_exported, row }],
        },
      });
      return;
    }
    for (const column of productColumns) {
      if ((record[column] ?? "").trim() !== (existing.raw[column] ?? "").trim()) {
        issues.push({ row, column, message: `Differs from row ${existing.firstRow}, the same product (${r.slug}); a product's columns must match on all its rows.` });
      }
    }
    const combo = r.option_values.join("\u0000");
    const twin = existing.plan.variants.find((v) => v.optionValues.join("\u0000") === combo);
    if (twin && r.option_names.length > 0) issues.push({ row, column: "option_values", message: `Row ${twin.row} has the same option values for this product.` });
    else if (r.option_names.length === 0) issues.push({ row, column: "option_names", message: "A product with several variants needs option names (e.g. Colour) to tell them apart." });
    existing.plan.variants.push({ sku: r.sku, optionValues: r.option_values, price: r.price, compareAt: r.compare_at_price, stock: r.stock, stockExported: r.stock_exported, row });
  });
  return issues.length ? { ok: false, issues } : { ok: true, products: [...plans.values()].map((p) => p.plan) };
}

/**
 * Reads a CSV file (streamed through csv-parse) and validates it. A file that is not CSV, or
 * too big, or has a row with the wrong number of cells, is reported rather than thrown.
 */
export async function readProductCsv(file: Blob, currency: string): Promise<{ ok: true; products: ImportPlan[]; rows: number } | { ok: false; issues: CsvIssue[] }> {
  if (file.size === 0) return { ok: false, issues: [{ row: 0, column: "file", message: "Choose a CSV file to import." }] };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, issues: [{ row: 0, column: "file", message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.` }] };
  let header: string[] = [];
  const records: Record<string, string>[] = [];
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      header = names.map((n) => n.trim());
      return header;
    },
    skip_empty_lines: true,
    trim: false,
    max_record_size: 64 * 1024,
  });
  try {
    const source = Readable.fromWeb(file.stream() as import("node:stream/web").ReadableStream<Uint8Array>);
    for await (const record of source.pipe(parser)) {
      records.push(Object.fromEntries(Object.entries(record as Record<string, string>).map(([k, v]) => [k, restoreFormulaText(v)])));
      if (records.length > MAX_IMPORT_ROWS) return { ok: false, issues: [{ row: 0, column: "file", message: `At most ${MAX_IMPORT_ROWS} rows per import. Split the file.` }] };
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, issues: [{ row: line ?? 0, column: "file", message: `This is not a CSV file we can read${line ? ` (problem on row ${line})` : ""}. Export it again as CSV (UTF-8).` }] };
  }
  const result = validateProductRecords(header, records, currency);
  return result.ok ? { ...result, rows: records.length } : result;
}
