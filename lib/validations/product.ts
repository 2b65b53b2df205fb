import { z } from "zod";
import { productStatuses } from "@/db/schema/catalog";
import { isValidSlug } from "@/lib/catalog/slug";
import { minorUnitDigits } from "@/lib/money";

/*
 * The product form, shared by the admin form, its action and the CSV import. Amounts are typed
 * in major units of the shop currency ("12.50", or "1200" for yen) and stored as integer minor
 * units; how many decimals are allowed comes from Intl for the currency, so a currency without
 * minor units refuses "12.5" instead of rounding it.
 */

export const MAX_VARIANTS = 100;
export const MAX_OPTIONS = 3;
/** Joins list values in one CSV cell; so it may not appear inside an option name or value. */
export const LIST_SEPARATOR = "|";

/** "12.50" → 1250 (GBP), "1200" → 1200 (JPY); null when it is not an amount in that currency. */
export function parseMoneyInput(input: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${digits}})?$`);
  const trimmed = input.trim();
  if (!pattern.test(trimmed)) return null;
  const [whole, fraction = ""] = trimmed.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** 1250 → "12.50" (GBP), 1200 → "1200" (JPY): what the form shows and the CSV holds. */
export function formatMoneyInput(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, "0")}`;
}

const text = (max: number, label: string) => z.string().trim().max(max, `${label} can be at most ${max} characters.`);

function money(currency: string, label: string) {
  return z.string().trim().min(1, `Enter the ${label}.`).transform((value, ctx) => {
    const amount = parseMoneyInput(value, currency);
    if (amount === null) {
      const digits = minorUnitDigits(currency);
      ctx.addIssue({ code: "custom", message: digits === 0 ? `Enter the ${label} as a whole number, e.g. 1200.` : `Enter the ${label} as an amount, e.g. 12.50.` });
      return z.NEVER;
    }
    return amount;
  });
}

/** A consumable's re-buy interval ("Running low?" suggestions): empty for none, else 1–365 days. */
export const MAX_REBUY_DAYS = 365;
const rebuyDays = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const days = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    if (!(days >= 1 && days <= MAX_REBUY_DAYS)) {
      ctx.addIssue({ code: "custom", message: `Enter a whole number of days from 1 to ${MAX_REBUY_DAYS}, or leave it empty if it is not something people run out of.` });
      return z.NEVER;
    }
    return days;
  });

const stockNumber = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .regex(/^-?\d{1,7}$/, `Enter the ${label} as a whole number.`)
    .transform(Number)
    .pipe(z.number().min(0, `The ${label} cannot be below 0.`));

export const slugSchema = z
  .string()
  .trim()
  .min(1, "Enter a slug (the product's address).")
  .max(120, "The slug can be at most 120 characters.")
  // An empty slug gets one message (above), not also the format rule.
  .refine((v) => v === "" || isValidSlug(v), "Use lower-case letters, digits and single hyphens, e.g. oak-serving-board.");

export const skuSchema = z
  .string()
  .trim()
  .min(1, "Enter a SKU.")
  .max(64, "A SKU can be at most 64 characters.")
  .regex(/^$|^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, dots, hyphens and underscores in a SKU.");

const optionText = z
  .string()
  .trim()
  .max(60, "At most 60 characters.")
  .refine((v) => !v.includes(LIST_SEPARATOR), `“${LIST_SEPARATOR}” cannot be used here.`);

export function variantSchema(currency: string) {
  return z.object({
    id: z.coerce.number().int().positive().optional(),
    sku: skuSchema,
    price: money(currency, "price"),
    compareAt: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const amount = parseMoneyInput(v, currency);
        if (amount === null) {
          ctx.addIssue({ code: "custom", message: "Enter the compare-at price as an amount, or leave it empty." });
          return z.NEVER;
        }
        return amount;
      }),
    stock: stockNumber("stock"),
    /**
     * The stock the form was read with; absent for a new variant. The save applies the
     * difference (see db/queries/admin-products.ts applyStockChange).
     */
    stockRead: z
      .string()
      .optional()
      .transform((v) => (v && /^\d{1,7}$/.test(v) ? Number(v) : null)),
    options: z.array(optionText),
  });
}

export function productSchema(currency: string) {
  return z
    .object({
      title: text(200, "The title").min(1, "Enter a title."),
      slug: slugSchema,
      summary: text(300, "The summary"),
      description: text(10_000, "The description"),
      materials: text(2_000, "Materials"),
      care: text(2_000, "Care"),
      status: z.enum(productStatuses, { error: "Choose draft, published or archived." }),
      rebuyAfterDays: rebuyDays,
      collections: z.array(z.coerce.number().int().positive()).max(50),
      optionNames: z.array(optionText).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options.`),
      variants: z.array(variantSchema(currency)).min(1, "Add at least one variant.").max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants.`),
    })
}

type RawProduct = ReturnType<typeof productFormToObject>;

/**
 * Rules between fields (a SKU used twice, a missing option value, compare-at not above the
 * price). Checked on the form as typed, alongside the per-field rules rather than after them,
 * so the merchant sees every problem in one go.
 */
function crossFieldIssues(product: RawProduct, currency: string): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  const add = (key: string, message: string) => (issues[key] ??= []).push(message);
  const names = product.optionNames.map((n) => n.trim());
  names.forEach((name, i) => {
    if (!name) add(`optionNames.${i}`, "Name the option, or remove it.");
    else if (names.findIndex((n) => n.toLowerCase() === name.toLowerCase()) !== i) add(`optionNames.${i}`, "Each option needs its own name.");
  });
  const seenSkus = new Map<string, number>();
  const seenCombos = new Map<string, number>();
  product.variants.forEach((variant, i) => {
    const v = variant as { sku?: unknown; price?: unknown; compareAt?: unknown; options: string[] };
    const sku = typeof v.sku === "string" ? v.sku.trim().toUpperCase() : "";
    if (sku && seenSkus.has(sku)) add(`variants.${i}.sku`, `Variant ${seenSkus.get(sku)! + 1} already uses this SKU.`);
    else if (sku) seenSkus.set(sku, i);
    names.forEach((name, j) => {
      if (!v.options[j]?.trim()) add(`variants.${i}.options.${j}`, `Enter a value for ${name || "this option"}.`);
    });
    const price = typeof v.price === "string" ? parseMoneyInput(v.price, currency) : null;
    const compareAt = typeof v.compareAt === "string" && v.compareAt.trim() ? parseMoneyInput(v.compareAt, currency) : null;
    if (price !== null && compareAt !== null && compareAt <= price) add(`variants.${i}.compareAt`, "The compare-at price must be higher than the price (or empty).");
    if (names.length === 0) {
      if (i === 1) add("optionNames", "Several variants need an option (e.g. Colour) to tell them apart.");
      return;
    }
    const combo = names.map((_, j) => v.options[j]?.trim() ?? "").join("\u0000");
    if (seenCombos.has(combo)) add(`variants.${i}.options`, `Variant ${seenCombos.get(combo)! + 1} has the same option values.`);
    else seenCombos.set(combo, i);
  });
  return issues;
}

export type ProductInput = z.output<ReturnType<typeof productSchema>>;
export type VariantInput = ProductInput["variants"][number];

/** Every error of a zod result, keyed by its dotted path ("variants.0.sku"), for the form. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
const asText = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * The flat form (variants.0.sku, variants.0.options.1 …, as the browser posts it) as the
 * nested object productSchema reads. Rows are kept in the order of their numbers; empty
 * option-name inputs at the end are dropped (they are the unused slots).
 */
export function productFormToObject(form: Record<string, unknown>) {
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(form)) {
    const match = /^variants\.(\d{1,3})\.(id|sku|price|compareAt|stock|stockRead|options\.(\d))$/.exec(key);
    if (!match) continue;
    const row = rows.get(Number(match[1])) ?? { options: [] as string[] };
    rows.set(Number(match[1]), row);
    if (match[3] !== undefined) (row.options as string[])[Number(match[3])] = asText(value) ?? "";
    else row[match[2]!] = asText(value);
  }
  const optionNames = asList(form.optionNames);
  while (optionNames.length && !optionNames.at(-1)!.trim()) optionNames.pop();
  return {
    title: asText(form.title),
    slug: asText(form.slug),
    summary: asText(form.summary) ?? "",
    description: asText(form.description) ?? "",
    materials: asText(form.materials) ?? "",
    care: asText(form.care) ?? "",
    status: asText(form.status),
    rebuyAfterDays: asText(form.rebuyAfterDays) ?? "",
    collections: asList(form.collections),
    optionNames,
    variants: [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, row]) => ({ ...row, options: Array.from({ length: optionNames.length }, (_, j) => (row.options as string[])[j] ?? "") })),
  };
}

/** The admin product form, read and checked: every error at once, keyed as the form's fields are named. */
export function readProductForm(form: Record<string, unknown>, currency: string): { ok: true; data: ProductInput } | { ok: false; fieldErrors: Record<string, string[]> } {
  const raw = productFormToObject(form);
  const parsed = productSchema(currency).safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  for (const [key, messages] of Object.entries(crossFieldIssues(raw, currency))) fieldErrors[key] = [...(fieldErrors[key] ?? []), ...messages];
  return parsed.success && Object.keys(fieldErrors).length === 0 ? { ok: true, data: parsed.data } : { ok: false, fieldErrors };
}
