import { shopConfig } from "./shop-config";

/** "3 Nov 2026", the way dates are written across the shop, its emails and the privacy centre. */
export function formatDate(date: Date | string): string {
  return new Intl.DateTimeFormat(shopConfig.locale, { day: "numeric", month: "short", year: "numeric", timeZone: shopConfig.timeZone }).format(new Date(date));
}

export function formatDateTime(date: Date | string): string {
  return new Intl.DateTimeFormat(shopConfig.locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: shopConfig.timeZone }).format(new Date(date));
}
