import "server-only";
import { cookies } from "next/headers";
import { getConsentStates } from "@/db/queries/consent";
import { listBoughtTogether, listCartProducts, listPurchasedProducts, listSellableProducts } from "@/db/queries/recommendations";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { CART_COUNT_COOKIE } from "@/lib/cart/cookies";
import { currentCartId } from "@/lib/cart/current-cart";
import { getCachedPopularProducts } from "./popular";
import { isDueForRebuy, isPersonalReason, recommend, type Candidate, type CandidatePools, type Purchase } from "./rules";

/*
 * Suggestions for one page and one visitor: who they are and whether they agreed to
 * personalisation decide what is read at all. A guest, or a shopper without the consent, gets
 * the cached best sellers and nothing of theirs is read beyond the cart (to leave out what is
 * already in it); only with the consent are their orders read.
 */

/** Where the suggestions are shown. */
export type RecommendationPlace =
  | { page: "product"; productId: number; collectionSlug: string | null }
  | { page: "cart" }
  | { page: "account" };

export type RecommendationsView = {
  /** Built from the shopper's own orders or cart, with their consent: offer the off switch. */
  personal: boolean;
  /** The non-personal list's collection when all of it comes from one; null for the whole shop. */
  collectionTitle: string | null;
  /** Whether any of the non-personal ones sold lately (else they are the shop's own picks). */
  anySold: boolean;
  items: Candidate[];
};

const SHOWN = 4;
/** How many recent purchases seed "bought together": the newest say most about now. */
const RECENT_PURCHASES = 10;

type Cart = { productId: number; title: string; collectionSlug: string | null }[];

/** The visitor's cart products. A guest with an empty cart costs no query (the count cookie says so). */
async function cartProducts(user: SessionUser | null): Promise<Cart> {
  if (!user) {
    const count = Number((await cookies()).get(CART_COUNT_COOKIE)?.value ?? 0);
    if (!(count > 0)) return [];
  }
  const cartId = await currentCartId();
  return cartId ? listCartProducts(cartId) : [];
}

async function hasPersonalisationConsent(userId: string): Promise<boolean> {
  const states = await getConsentStates({ userId }, ["personalisation"]);
  return states.get("personalisation")?.granted === true;
}

/** The collections whose best sellers fit the place, the whole shop last as a top-up. */
function popularSources(place: RecommendationPlace, cart: Cart): (string | null)[] {
  const slugs = place.page === "product" ? [place.collectionSlug] : place.page === "cart" ? cart.map((c) => c.collectionSlug) : [];
  return [...new Set([...slugs.filter((s): s is string => s !== null), null])];
}

async function popularCandidates(sources: (string | null)[]): Promise<Candidate[]> {
  const lists = await Promise.all(sources.map((slug) => getCachedPopularProducts(slug)));
  const fromCollections = lists.slice(0, -1).flatMap((list) =>
    list.items.map((item) => ({ product: item.product, reason: { kind: "popular" as const, collectionTitle: list.collection?.title ?? null, unitsSold: item.unitsSold }, strength: item.unitsSold })),
  );
  // The whole shop's best sellers only fill up after the collections' own, whatever they sold.
  const topUp = (lists.at(-1)?.items ?? []).map((item) => ({ product: item.product, reason: { kind: "popular" as const, collectionTitle: null, unitsSold: item.unitsSold }, strength: -1 }));
  return [...fromCollections.sort((a, b) => b.strength - a.strength), ...topUp];
}

async function personalPools(user: SessionUser, cart: Cart, now: Date): Promise<{ pools: Omit<CandidatePools, "popular">; purchases: Purchase[] }> {
  const purchases = await listPurchasedProducts(user.id);
  const bought = new Map(purchases.map((p) => [p.productId, p]));
  const inCart = new Map(cart.map((c) => [c.productId, c]));
  const due = purchases.filter((p) => isDueForRebuy(p, now));
  const [withCart, withPurchases, dueProducts] = await Promise.all([
    listBoughtTogether([...inCart.keys()], user.id),
    listBoughtTogether(purchases.slice(0, RECENT_PURCHASES).map((p) => p.productId), user.id),
    listSellableProducts(due.map((p) => p.productId)),
  ]);
  return {
    purchases,
    pools: {
      cartComplements: withCart.map((t) => ({ product: t.product, reason: { kind: "bought-with-cart", cartTitle: inCart.get(t.becauseProductId)?.title ?? "" }, strength: t.orders })),
      purchaseComplements: withPurchases.flatMap((t) => {
        const purchase = bought.get(t.becauseProductId);
        return purchase ? [{ product: t.product, reason: { kind: "bought-with-purchase" as const, boughtTitle: purchase.title, boughtAt: purchase.lastBoughtAt }, strength: t.orders }] : [];
      }),
      runningLow: dueProducts.map((product) => ({ product, reason: { kind: "running-low", lastBoughtAt: bought.get(product.id)!.lastBoughtAt }, strength: 0 })),
    },
  };
}

function view(items: Candidate[]): RecommendationsView {
  const popular = items.filter((c) => c.reason.kind === "popular");
  const titles = new Set(popular.map((c) => (c.reason.kind === "popular" ? c.reason.collectionTitle : null)));
  return {
    personal: items.some((c) => isPersonalReason(c.reason)),
    collectionTitle: titles.size === 1 ? ([...titles][0] ?? null) : null,
    anySold: popular.some((c) => c.reason.kind === "popular" && c.reason.unitsSold > 0),
    items,
  };
}

/** The suggestions this visitor sees on this page. */
export async function recommendationsFor(place: RecommendationPlace): Promise<RecommendationsView> {
  const user = await getSessionUser();
  const [cart, consented] = await Promise.all([cartProducts(user), user ? hasPersonalisationConsent(user.id) : false]);
  const now = new Date();
  const [popular, personal] = await Promise.all([popularCandidates(popularSources(place, cart)), user && consented ? personalPools(user, cart, now) : null]);
  const items = recommend({
    consent: { granted: consented },
    pools: { cartComplements: [], purchaseComplements: [], runningLow: [], ...personal?.pools, popular },
    purchases: personal?.purchases ?? [],
    viewedProductId: place.page === "product" ? place.productId : null,
    cartProductIds: cart.map((c) => c.productId),
    now,
    limit: SHOWN,
  });
  return { ...view(items), personal: consented && items.some((c) => isPersonalReason(c.reason)) };
}

/** The same for everyone: the page's best sellers (for the cached shell, before the visitor is known). */
export async function popularFor(place: RecommendationPlace): Promise<RecommendationsView> {
  const items = recommend({
    consent: { granted: false },
    pools: { cartComplements: [], purchaseComplements: [], runningLow: [], popular: await popularCandidates(popularSources(place, [])) },
    purchases: [],
    viewedProductId: place.page === "product" ? place.productId : null,
    now: new Date(0),
    limit: SHOWN,
  });
  return view(items);
}
