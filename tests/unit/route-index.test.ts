import { describe, expect, it } from "vitest";
import { parseListingState } from "@/lib/catalog/listing-params";
import { canonicalListingState, type CollectionIndex } from "@/lib/catalog/route-index";

// A collection of 30 products whose variants cost £8, £14.50, £22 and £60.
const candles: CollectionIndex = {
  options: new Map([["colour", new Set(["Sand", "Charcoal"])]]),
  prices: [800, 1450, 2200, 6000],
  productCount: 30,
};
const canonical = (query: string) => canonicalListingState(parseListingState(new URLSearchParams(query)), candles, 100, 12);

describe("one listing state per distinct result (so junk URLs share cache entries)", () => {
  it("drops filter values no product in the collection has", () => {
    expect(canonical("colour=Sand,Plaid&size=XXXL").options).toEqual({ colour: ["Sand"] });
    expect(canonical("colour=Plaid").options).toEqual({});
  });

  it("moves price bounds to the whole amount that selects exactly the same variants", () => {
    // Anything from £9 to £14 lets in £14.50 and up: one state, min £14.
    for (const min of [9, 10, 13, 14]) expect(canonical(`min=${min}`).min).toBe(14);
    // A bound that excludes nothing is no bound.
    expect(canonical("min=5").min).toBeNull();
    expect(canonical("max=60").max).toBeNull();
    expect(canonical("max=100000").max).toBeNull();
    // Anything from £15 to £21 keeps up to £14.50: max £15.
    for (const max of [15, 18, 21]) expect(canonical(`max=${max}`).max).toBe(15);
    // Bounds that let nothing through are all the same empty state.
    const nothing = [canonical("min=61"), canonical("min=5000"), canonical("min=15&max=21"), canonical("max=7")];
    expect(nothing.slice(0, 3).map((s) => [s.min, s.max])).toEqual([[61, null], [61, null], [61, null]]);
    expect(nothing[3]!.max).toBe(0);
  });

  it("turns every page past the last into the one page after it (which says the list has ended)", () => {
    expect(canonical("page=2").page).toBe(2);
    expect(canonical("page=3").page).toBe(3);
    expect(canonical("page=4").page).toBe(4);
    expect(canonical("page=400").page).toBe(4);
  });
});
