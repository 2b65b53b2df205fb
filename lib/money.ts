import { shopConfig } from "./shop-config";

/** Money is always integer minor units (pence, cents) plus an ISO 4217 currency code. */
export type Money = { amount: number; currency: string };

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string) {
  const key = `${locale}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, f);
  }
  return f;
}

/** Number of minor units in one major unit for a currency (2 for GBP, 0 for JPY). */
export function minorUnitDigits(currency: string): number {
  return formatterFor(currency, "en").resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(money: Money, locale: string = shopConfig.locale): string {
  if (!Number.isInteger(money.amount)) throw new TypeError(`Money amounts are integers; got ${money.amount}`);
  const digits = minorUnitDigits(money.currency);
  return formatterFor(money.currency, locale).format(money.amount / 10 ** digits);
}

/** Converts a price a shopper typed in major units ("12", "12.5") into minor units, or null. */
export function parseMajorUnits(input: string | null | undefined, currency: string): number | null {
  if (input == null) return null;
  const trimmed = input.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(trimmed)) return null;
  const digits = minorUnitDigits(currency);
  return Math.round(Number(trimmed) * 10 ** digits);
}

export function formatPriceRange(min: Money, max: Money, locale?: string): string {
  if (min.amount === max.amount) return formatMoney(min, locale);
  return `${formatMoney(min, locale)} – ${formatMoney(max, locale)}`;
}
