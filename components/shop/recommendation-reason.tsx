import { formatDate } from "@/lib/dates";
import type { RecommendationReason } from "@/lib/recommendations/rules";

/*
 * The shopper's words for why a suggestion is shown, from the reason the rules attached to it
 * (lib/recommendations/rules.ts). Plain and specific: which of their purchases or cart items it
 * comes from and when, or that it is not based on them at all.
 */

/** "Because you bought the Hearth pillar candle on 3 Nov 2026, …" */
export function reasonText(reason: RecommendationReason): string {
  switch (reason.kind) {
    case "running-low":
      return `Running low? You last bought this on ${formatDate(reason.lastBoughtAt)}.`;
    case "bought-with-purchase":
      return `Because you bought the ${reason.boughtTitle} on ${formatDate(reason.boughtAt)}, and people who bought it often bought this too.`;
    case "bought-with-cart":
      return `Because the ${reason.cartTitle} is in your cart and people who bought it often bought this too.`;
    case "popular": {
      const where = reason.collectionTitle ? `in ${reason.collectionTitle}` : "in the shop";
      if (reason.unitsSold > 0) return `Popular ${where} this season — not based on you.`;
      return `One of our picks ${reason.collectionTitle ? `from ${reason.collectionTitle}` : "from the shop"} — not based on you.`;
    }
  }
}

/** What the shop used for a personal reason, said beside the off switch. */
export function personalDataNote(reason: RecommendationReason): string {
  const what = reason.kind === "bought-with-cart" ? "your cart" : "your orders";
  return `Based on ${what}, because you turned on personalised suggestions.`;
}
