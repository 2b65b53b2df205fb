import { minorUnitDigits } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";
import type { Change } from "./compare";

/*
 * Merchant-facing wording and number formats for the overview. Dates here are calendar days
 * already bucketed in the shop's time zone by the database, so they are formatted in UTC,
 * where a YYYY-MM-DD midnight cannot slip to the day before.
 */

const dayFormat = new Intl.DateTimeFormat(shopConfig.locale, { day: "numeric", month: "short", timeZone: "UTC" });
const dayWithYearFormat = new Intl.DateTimeFormat(shopConfig.locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const weekdayFormat = new Intl.DateTimeFormat(shopConfig.locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const asDate = (day: string | Date) => (typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day);

/** "8 Jun" — chart ticks. */
export const formatShortDay = (day: string | Date) => dayFormat.format(asDate(day));
/** "Fri, 8 Jun 2001" — table rows. */
export const formatLongDay = (day: string | Date) => weekdayFormat.format(asDate(day));

/** "8 Jun – 14 Jun 2001" */
export function formatDayRange(from: string, to: string): string {
  return dayWithYearFormat.formatRange(asDate(from), asDate(to));
}

const compactMoney = new Map<string, Intl.NumberFormat>();

/** "£1.2K" — axis labels, where the full amount is in the table beside the chart. */
export function formatMoneyCompact(amount: number, currency: string): string {
  let f = compactMoney.get(currency);
  if (!f) {
    f = new Intl.NumberFormat(shopConfig.locale, { style: "currency", currency, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 });
    compactMoney.set(currency, f);
  }
  return f.format(amount / 10 ** minorUnitDigits(currency));
}

const integer = new Intl.NumberFormat(shopConfig.locale);
export const formatCount = (n: number) => integer.format(n);

const percentFormats = {
  small: new Intl.NumberFormat(shopConfig.locale, { style: "percent", maximumFractionDigits: 1 }),
  large: new Intl.NumberFormat(shopConfig.locale, { style: "percent", maximumFractionDigits: 0 }),
};

/** "Up 12% on the previous 30 days" — the direction in words, never by colour alone. */
export function describeChange(change: Change, days: number): string {
  const previous = `the previous ${days} days`;
  switch (change.direction) {
    case "none":
      return `None in this period or ${previous}`;
    case "new":
      return `Up from none in ${previous}`;
    case "same":
      return `No change on ${previous}`;
    default: {
      const f = change.percent < 10 ? percentFormats.small : percentFormats.large;
      return `${change.direction === "up" ? "Up" : "Down"} ${f.format(change.percent / 100)} on ${previous}`;
    }
  }
}

/** "Up 12%", for a table column already headed "Against previous period". */
export function describeChangeBriefly(change: Change): string {
  switch (change.direction) {
    case "none":
      return "No sales either time";
    case "new":
      return "Up from none";
    case "same":
      return "No change";
    default: {
      const f = change.percent < 10 ? percentFormats.small : percentFormats.large;
      return `${change.direction === "up" ? "Up" : "Down"} ${f.format(change.percent / 100)}`;
    }
  }
}

/** Merchant wording for the order statuses the overview lists. */
export const awaitingStatusText = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid, to fulfil",
} as const;
