import type { ProductCardDto } from "@/db/queries/catalog";

/*
 * The rules that decide which products a shopper is shown as suggestions, and why. Pure
 * functions over what the queries gathered (db/queries/recommendations.ts), so each rule is
 * tested on its own (tests/unit/recommendation-rules.test.ts). The reasons are data: the words
 * a shopper reads are written by components/shop/recommendation-reason.tsx.
 *
 * "Youtility": a suggestion must help the shopper. So never the thing they already own (the
 * classic failure is advertising what was just bought), unless it runs out and they would buy
 * it again, and then only when it is about due; never what they cannot buy; and nothing drawn
 * from their history unless they agreed to it.
 */

/** Why a product is suggested. Personal reasons use the shopper's own orders or cart. */
export type RecommendationReason =
  /** A consumable they bought that is about due again ("Running low?"). */
  | { kind: "running-low"; lastBoughtAt: Date }
  /** Often bought together with something they bought before. */
  | { kind: "bought-with-purchase"; boughtTitle: string; boughtAt: Date }
  /** Often bought together with something in their cart. */
  | { kind: "bought-with-cart"; cartTitle: string }
  /** Not personal: best sellers of the last 90 days (in a collection, or the whole shop). */
  | { kind: "popular"; collectionTitle: string | null; unitsSold: number };

export type ReasonKind = RecommendationReason["kind"];

const personalKinds: ReadonlySet<ReasonKind> = new Set(["running-low", "bought-with-purchase", "bought-with-cart"]);

export function isPersonalReason(reason: RecommendationReason): boolean {
  return personalKinds.has(reason.kind);
}

/** A product as the rules see it: its card, plus what decides whether it may be suggested. */
export type CandidateProduct = ProductCardDto & {
  id: number;
  /** Null: not a consumable. */
  rebuyAfterDays: number | null;
  published: boolean;
  /** At least one variant has stock. */
  inStock: boolean;
};

export type Candidate = {
  product: CandidateProduct;
  reason: RecommendationReason;
  /** How strongly the source backs it (orders bought together, units sold); higher first. */
  strength: number;
};

/** One product the shopper bought (their latest purchase of it). */
export type Purchase = { productId: number; title: string; lastBoughtAt: Date; rebuyAfterDays: number | null };

/** The shopper's `personalisation` consent as the ledger says it is now. */
export type PersonalisationConsent = { granted: boolean };

/** Candidates from each source, before the rules run. */
export type CandidatePools = {
  cartComplements: Candidate[];
  purchaseComplements: Candidate[];
  runningLow: Candidate[];
  popular: Candidate[];
};

const DAY_MS = 86_400_000;

/** A consumable is due when the last purchase plus its re-buy interval has come. */
export function isDueForRebuy(purchase: Pick<Purchase, "lastBoughtAt" | "rebuyAfterDays">, now: Date): boolean {
  if (purchase.rebuyAfterDays === null || purchase.rebuyAfterDays <= 0) return false;
  return purchase.lastBoughtAt.getTime() + purchase.rebuyAfterDays * DAY_MS <= now.getTime();
}

/**
 * The candidates that may be used at all. Without the shopper's consent only the non-personal
 * ones, whatever was put in the personal pools: nothing drawn from their orders or cart.
 */
export function gatherCandidates(consent: PersonalisationConsent, pools: CandidatePools): Candidate[] {
  const nonPersonal = pools.popular.filter((c) => !isPersonalReason(c.reason));
  if (!consent.granted) return nonPersonal;
  return [...pools.cartComplements, ...pools.runningLow, ...pools.purchaseComplements, ...nonPersonal];
}

/**
 * Never what they already bought, unless it is a consumable that is due again, and then only
 * as "running low" (a due reminder, not an advert). A "running low" for something they did not
 * buy, or that is not yet due, is dropped too.
 */
export function withoutBoughtItems(candidates: Candidate[], purchases: Purchase[], now: Date): Candidate[] {
  const bought = new Map(purchases.map((p) => [p.productId, p]));
  return candidates.filter((c) => {
    const purchase = bought.get(c.product.id);
    if (!purchase) return c.reason.kind !== "running-low";
    return c.reason.kind === "running-low" && isDueForRebuy({ lastBoughtAt: purchase.lastBoughtAt, rebuyAfterDays: c.product.rebuyAfterDays }, now);
  });
}

/** Never anything that cannot be bought: unpublished, or no variant with stock. */
export function onlyAvailable(candidates: Candidate[]): Candidate[] {
  return candidates.filter((c) => c.product.published && c.product.inStock);
}

/** Never the product on the page, nor one already in the cart. */
export function notViewedOrInCart(candidates: Candidate[], context: { viewedProductId?: number | null; cartProductIds?: readonly number[] }): Candidate[] {
  const cart = new Set(context.cartProductIds ?? []);
  return candidates.filter((c) => c.product.id !== context.viewedProductId && !cart.has(c.product.id));
}

/** Complements of the cart first, then due re-buys, then complements of past orders, then best sellers. */
const priority: Record<ReasonKind, number> = { "bought-with-cart": 0, "running-low": 1, "bought-with-purchase": 2, popular: 3 };

export function rankCandidates(candidates: Candidate[]): Candidate[] {
  return candidates
    .map((c, index) => ({ c, index }))
    .sort((a, b) => priority[a.c.reason.kind] - priority[b.c.reason.kind] || b.c.strength - a.c.strength || a.index - b.index)
    .map(({ c }) => c);
}

/** One suggestion per product: the first (best-ranked) reason wins. */
export function onePerProduct(candidates: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  return candidates.filter((c) => (seen.has(c.product.id) ? false : (seen.add(c.product.id), true)));
}

export type RecommendInput = {
  consent: PersonalisationConsent;
  pools: CandidatePools;
  purchases: Purchase[];
  viewedProductId?: number | null;
  cartProductIds?: readonly number[];
  now: Date;
  limit: number;
};

/** Every rule, in order: what a shopper is finally shown. */
export function recommend(input: RecommendInput): Candidate[] {
  const purchases = input.consent.granted ? input.purchases : [];
  let candidates = gatherCandidates(input.consent, input.pools);
  candidates = withoutBoughtItems(candidates, purchases, input.now);
  candidates = onlyAvailable(candidates);
  candidates = notViewedOrInCart(candidates, input);
  return onePerProduct(rankCandidates(candidates)).slice(0, Math.max(0, input.limit));
}
