import { describe, expect, it } from "vitest";
import {
  gatherCandidates,
  isDueForRebuy,
  isPersonalReason,
  notViewedOrInCart,
  onePerProduct,
  onlyAvailable,
  rankCandidates,
  recommend,
  withoutBoughtItems,
  type Candidate,
  type CandidatePools,
  type CandidateProduct,
  type Purchase,
  type RecommendationReason,
} from "@/lib/recommendations/rules";

const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function product(id: number, extra: Partial<CandidateProduct> = {}): CandidateProduct {
  return {
    id,
    slug: `product-${id}`,
    title: `Product ${id}`,
    summary: "",
    minPrice: 1000,
    maxPrice: 1000,
    compareAtPrice: null,
    currency: "GBP",
    totalStock: 5,
    image: null,
    rebuyAfterDays: null,
    published: true,
    inStock: true,
    ...extra,
  };
}

const popular = (id: number, unitsSold = 3, extra: Partial<CandidateProduct> = {}): Candidate => ({ product: product(id, extra), reason: { kind: "popular", collectionTitle: "Ceramics", unitsSold }, strength: unitsSold });
const withCart = (id: number, orders = 2, extra: Partial<CandidateProduct> = {}): Candidate => ({ product: product(id, extra), reason: { kind: "bought-with-cart", cartTitle: "Workshop apron" }, strength: orders });
const withPurchase = (id: number, orders = 2): Candidate => ({ product: product(id), reason: { kind: "bought-with-purchase", boughtTitle: "Smoked oak candle", boughtAt: daysAgo(20) }, strength: orders });
const runningLow = (id: number, rebuyAfterDays: number | null, boughtDaysAgo: number): Candidate => ({ product: product(id, { rebuyAfterDays }), reason: { kind: "running-low", lastBoughtAt: daysAgo(boughtDaysAgo) }, strength: 0 });
const purchase = (productId: number, boughtDaysAgo: number, rebuyAfterDays: number | null = null): Purchase => ({ productId, title: `Product ${productId}`, lastBoughtAt: daysAgo(boughtDaysAgo), rebuyAfterDays });
const idsOf = (candidates: Candidate[]) => candidates.map((c) => c.product.id);
const pools = (p: Partial<CandidatePools>): CandidatePools => ({ cartComplements: [], purchaseComplements: [], runningLow: [], popular: [], ...p });

describe("which reasons are personal", () => {
  it("treats anything drawn from the shopper's orders or cart as personal, best sellers as not", () => {
    const reasons: [RecommendationReason, boolean][] = [
      [{ kind: "running-low", lastBoughtAt: now }, true],
      [{ kind: "bought-with-purchase", boughtTitle: "x", boughtAt: now }, true],
      [{ kind: "bought-with-cart", cartTitle: "x" }, true],
      [{ kind: "popular", collectionTitle: null, unitsSold: 1 }, false],
    ];
    for (const [reason, personal] of reasons) expect(isPersonalReason(reason), reason.kind).toBe(personal);
  });
});

describe("no personal recommendation without consent", () => {
  const all = pools({ cartComplements: [withCart(1)], purchaseComplements: [withPurchase(2)], runningLow: [runningLow(3, 30, 40)], popular: [popular(4)] });

  it("without the consent, only the non-personal candidates are used, whatever the personal pools hold", () => {
    const gathered = gatherCandidates({ granted: false }, all);
    expect(idsOf(gathered)).toEqual([4]);
    expect(gathered.every((c) => !isPersonalReason(c.reason))).toBe(true);
  });

  it("a personal reason slipped into the popular pool is dropped too", () => {
    expect(idsOf(gatherCandidates({ granted: false }, pools({ popular: [popular(4), withCart(5)] })))).toEqual([4]);
  });

  it("with the consent, the personal candidates come first", () => {
    expect(idsOf(gatherCandidates({ granted: true }, all))).toEqual([1, 3, 2, 4]);
  });

  it("end to end: recommend shows nothing personal without the consent", () => {
    const shown = recommend({ consent: { granted: false }, pools: all, purchases: [purchase(9, 10)], now, limit: 4 });
    expect(shown.map((c) => c.reason.kind)).toEqual(["popular"]);
  });
});

describe("running-low timing", () => {
  it("is due once the last purchase plus the re-buy interval has come", () => {
    expect(isDueForRebuy({ lastBoughtAt: daysAgo(30), rebuyAfterDays: 30 }, now)).toBe(true);
    expect(isDueForRebuy({ lastBoughtAt: daysAgo(45), rebuyAfterDays: 30 }, now)).toBe(true);
  });
  it("is not due a day early", () => {
    expect(isDueForRebuy({ lastBoughtAt: daysAgo(29), rebuyAfterDays: 30 }, now)).toBe(false);
  });
  it("is never due for a product that is not a consumable", () => {
    expect(isDueForRebuy({ lastBoughtAt: daysAgo(900), rebuyAfterDays: null }, now)).toBe(false);
  });
});

describe("never re-advertise what was bought", () => {
  it("drops a bought non-consumable, whatever the reason it came with", () => {
    const candidates = [popular(1), withCart(1), withPurchase(1), popular(2)];
    expect(idsOf(withoutBoughtItems(candidates, [purchase(1, 3)], now))).toEqual([2]);
  });

  it("drops a bought consumable that is not yet due", () => {
    expect(withoutBoughtItems([runningLow(1, 30, 10), popular(1, 5, { rebuyAfterDays: 30 })], [purchase(1, 10, 30)], now)).toEqual([]);
  });

  it("keeps a bought consumable that is due, but only as 'running low', never as an advert", () => {
    const kept = withoutBoughtItems([popular(1, 5, { rebuyAfterDays: 30 }), runningLow(1, 30, 31)], [purchase(1, 31, 30)], now);
    expect(kept.map((c) => c.reason.kind)).toEqual(["running-low"]);
  });

  it("drops a 'running low' for something the shopper never bought", () => {
    expect(withoutBoughtItems([runningLow(7, 30, 40)], [], now)).toEqual([]);
  });

  it("keeps what they did not buy", () => {
    expect(idsOf(withoutBoughtItems([popular(3), withCart(4)], [purchase(1, 3)], now))).toEqual([3, 4]);
  });
});

describe("never anything that cannot be bought", () => {
  it("drops products with no variant in stock", () => {
    expect(idsOf(onlyAvailable([popular(1, 3, { inStock: false, totalStock: 0 }), popular(2)]))).toEqual([2]);
  });
  it("drops unpublished products", () => {
    expect(idsOf(onlyAvailable([withCart(1, 5, { published: false }), withCart(2)]))).toEqual([2]);
  });
});

describe("never the product on the page or one in the cart", () => {
  it("drops the viewed product", () => {
    expect(idsOf(notViewedOrInCart([popular(1), popular(2)], { viewedProductId: 1 }))).toEqual([2]);
  });
  it("drops the cart's products", () => {
    expect(idsOf(notViewedOrInCart([popular(1), withCart(2), popular(3)], { cartProductIds: [2, 3] }))).toEqual([1]);
  });
});

describe("ranking", () => {
  it("prefers complements of the cart over every other candidate, even stronger ones", () => {
    const ranked = rankCandidates([popular(1, 500), withPurchase(2, 90), runningLow(3, 30, 40), withCart(4, 1)]);
    expect(idsOf(ranked)).toEqual([4, 3, 2, 1]);
  });
  it("orders candidates of one kind by strength, ties in the order they came", () => {
    expect(idsOf(rankCandidates([withCart(1, 2), withCart(2, 7), withCart(3, 2)]))).toEqual([2, 1, 3]);
  });
  it("shows each product once, with its best reason", () => {
    const once = onePerProduct(rankCandidates([popular(1, 50), withCart(1, 1), popular(2)]));
    expect(once.map((c) => [c.product.id, c.reason.kind])).toEqual([
      [1, "bought-with-cart"],
      [2, "popular"],
    ]);
  });
});

describe("recommend (all rules together)", () => {
  it("with consent: cart complements first, no bought non-consumable, nothing sold out, nothing in view or in the cart, at most the limit", () => {
    const shown = recommend({
      consent: { granted: true },
      pools: pools({
        cartComplements: [withCart(10, 4), withCart(11, 9, { inStock: false, totalStock: 0 }), withCart(12, 3)],
        purchaseComplements: [withPurchase(13, 8), withPurchase(1, 8)],
        runningLow: [runningLow(5, 30, 60)],
        popular: [popular(1, 99), popular(20, 40), popular(21, 30), popular(22, 20)],
      }),
      purchases: [purchase(1, 12), purchase(5, 60, 30)],
      viewedProductId: 12,
      cartProductIds: [20],
      now,
      limit: 4,
    });
    expect(shown.map((c) => [c.product.id, c.reason.kind])).toEqual([
      [10, "bought-with-cart"],
      [5, "running-low"],
      [13, "bought-with-purchase"],
      [21, "popular"],
    ]);
  });

  it("a zero or negative limit shows nothing", () => {
    expect(recommend({ consent: { granted: true }, pools: pools({ popular: [popular(1)] }), purchases: [], now, limit: 0 })).toEqual([]);
  });
});
