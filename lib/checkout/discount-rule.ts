import { formatMoney } from "@/lib/money";
import type { Discount } from "./pricing";

/** A discount code as stored, read by the checkout summary and by the order transaction. */
export type DiscountCodeRecord = {
  code: string;
  kind: "percent" | "fixed";
  value: number;
  currency: string;
  minSubtotal: number;
  startsAt: Date | null;
  expiresAt: Date | null;
  /** Null: unlimited. */
  usageLimit: number | null;
  usedCount: number;
  active: boolean;
};

export type DiscountDecision = { ok: true; discount: Discount } | { ok: false; message: string };

/**
 * Whether a code applies to an order, and if not, why, in the shopper's words. The one rule:
 * the checkout summary previews with it and the order transaction decides with it (after
 * locking the row when the code has a use limit).
 */
export function decideDiscount(code: string, record: DiscountCodeRecord | null, order: { subtotal: number; currency: string; now: Date }): DiscountDecision {
  if (!record || !record.active) return { ok: false, message: `“${code}” is not a code we recognise.` };
  if (record.expiresAt && record.expiresAt <= order.now) return { ok: false, message: `“${code}” has expired.` };
  if (record.startsAt && record.startsAt > order.now) return { ok: false, message: `“${code}” is not active yet.` };
  if (record.usageLimit !== null && record.usedCount >= record.usageLimit) return { ok: false, message: `“${code}” has been used up.` };
  if (record.currency !== order.currency) return { ok: false, message: `“${code}” cannot be used on this order.` };
  if (order.subtotal < record.minSubtotal) {
    return { ok: false, message: `“${code}” needs a subtotal of at least ${formatMoney({ amount: record.minSubtotal, currency: record.currency })}.` };
  }
  return { ok: true, discount: { kind: record.kind, value: record.value } };
}

/** Codes are stored upper-case; anything that cannot be a code is refused before any query. */
export function normaliseDiscountCode(code: string): string | null {
  const normalised = code.trim().toUpperCase();
  return /^[A-Z0-9_-]{1,40}$/.test(normalised) ? normalised : null;
}
