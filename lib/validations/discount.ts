import { z } from "zod";
import { normaliseDiscountCode } from "@/lib/checkout/discount-rule";
import { parseMajorUnits } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

/*
 * A discount code as a merchant types it: money as a decimal in the shop's currency ("5" or
 * "4.50"), dates as calendar days in the shop's time zone. Stored as minor units and instants:
 * a code runs from the start of its first day to the end of its last.
 */

export const MAX_USAGE_LIMIT = 1_000_000;

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(utcMidnight)
      .map((p) => [p.type, p.value]),
  );
  const asLocal = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = asLocal - utcMidnight.getTime();
  return new Date(utcMidnight.getTime() - offset);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** The day after `day` (YYYY-MM-DD). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const optionalDay = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime())), "Enter a date like 2026-12-01.")
  .default("");

const optionalMoney = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || parseMajorUnits(v, shopConfig.currency) !== null, `Enter the ${label} as an amount like 20 or 19.50.`)
    .default("");

const discountFields = {
  kind: z.enum(["percent", "fixed"], { error: "Choose a percentage or a fixed amount." }),
  value: z.string({ error: "Enter the discount." }).trim().min(1, "Enter the discount."),
  minSubtotal: optionalMoney("minimum order"),
  usageLimit: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_USAGE_LIMIT), `Enter a whole number of uses from 1 to ${MAX_USAGE_LIMIT.toLocaleString("en-GB")}, or leave it empty for no limit.`)
    .default(""),
  startsOn: optionalDay,
  endsOn: optionalDay,
};

type Fields = { kind: "percent" | "fixed"; value: string; minSubtotal: string; usageLimit: string; startsOn: string; endsOn: string };

function discountValue(kind: "percent" | "fixed", value: string): number | null {
  if (kind === "percent") return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100 ? Number(value) : null;
  const amount = parseMajorUnits(value, shopConfig.currency);
  return amount !== null && amount > 0 ? amount : null;
}

function checkFields(d: Fields, ctx: z.RefinementCtx) {
  if (discountValue(d.kind, d.value) === null) {
    ctx.addIssue({
      code: "custom",
      path: ["value"],
      message: d.kind === "percent" ? "Enter a whole percentage from 1 to 100." : "Enter an amount greater than zero, like 5 or 4.50.",
    });
  }
  if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The last day cannot be before the first day." });
}

/** What the queries store. */
export type DiscountInput = {
  kind: "percent" | "fixed";
  value: number;
  currency: string;
  minSubtotal: number;
  usageLimit: number | null;
  startsAt: Date | null;
  expiresAt: Date | null;
};

function toInput(d: Fields): DiscountInput {
  const { currency, timeZone } = shopConfig;
  return {
    kind: d.kind,
    value: discountValue(d.kind, d.value)!,
    currency,
    minSubtotal: d.minSubtotal ? parseMajorUnits(d.minSubtotal, currency)! : 0,
    usageLimit: d.usageLimit ? Number(d.usageLimit) : null,
    startsAt: d.startsOn ? startOfDayIn(d.startsOn, timeZone) : null,
    // The code works through the whole of its last day.
    expiresAt: d.endsOn ? startOfDayIn(nextDay(d.endsOn), timeZone) : null,
  };
}

export const createDiscountSchema = z
  .object({
    code: z
      .string({ error: "Enter the code shoppers will type." })
      .trim()
      .min(1, { error: "Enter the code shoppers will type.", abort: true })
      .refine((v) => normaliseDiscountCode(v) !== null, "Use up to 40 letters, numbers, hyphens or underscores (no spaces).")
      .transform((v) => normaliseDiscountCode(v)!),
    ...discountFields,
  })
  .superRefine(checkFields)
  .transform((d) => ({ code: d.code, ...toInput(d) }));

export const updateDiscountSchema = z
  .object({ id: z.coerce.number({ error: "That discount code was not found." }).int().positive("That discount code was not found."), ...discountFields })
  .superRefine(checkFields)
  .transform((d) => ({ id: d.id, ...toInput(d) }));

export const setDiscountActiveSchema = z.object({
  id: z.coerce.number({ error: "That discount code was not found." }).int().positive("That discount code was not found."),
  active: z.enum(["on", "off"], { error: "Choose enable or disable." }).transform((v) => v === "on"),
});

/** How a stored code is shown back in the form. */
export function discountFormValues(d: { kind: "percent" | "fixed"; value: number; currency: string; minSubtotal: number; usageLimit: number | null; startsAt: Date | null; expiresAt: Date | null }) {
  const { timeZone } = shopConfig;
  const major = (amount: number) => {
    const digits = new Intl.NumberFormat("en", { style: "currency", currency: d.currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return (amount / 10 ** digits).toFixed(digits);
  };
  return {
    kind: d.kind,
    value: d.kind === "percent" ? String(d.value) : major(d.value),
    minSubtotal: d.minSubtotal ? major(d.minSubtotal) : "",
    usageLimit: d.usageLimit === null ? "" : String(d.usageLimit),
    startsOn: d.startsAt ? dayIn(d.startsAt, timeZone) : "",
    endsOn: d.expiresAt ? dayIn(new Date(d.expiresAt.getTime() - 1), timeZone) : "",
  };
}
