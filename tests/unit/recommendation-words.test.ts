import { describe, expect, it } from "vitest";
import { personalDataNote, reasonText } from "@/components/shop/recommendation-reason";
import { readProductForm } from "@/lib/validations/product";

describe("why a suggestion is shown, in the shopper's words", () => {
  const on = new Date("2026-11-03T10:00:00Z");

  it("names the purchase and its date", () => {
    expect(reasonText({ kind: "bought-with-purchase", boughtTitle: "Smoked oak candle", boughtAt: on })).toBe(
      "Because you bought the Smoked oak candle on 3 Nov 2026, and people who bought it often bought this too.",
    );
  });
  it("names the cart item", () => {
    expect(reasonText({ kind: "bought-with-cart", cartTitle: "Workshop apron" })).toBe("Because the Workshop apron is in your cart and people who bought it often bought this too.");
  });
  it("says when a consumable was last bought", () => {
    expect(reasonText({ kind: "running-low", lastBoughtAt: on })).toBe("Running low? You last bought this on 3 Nov 2026.");
  });
  it("says a best seller is not based on the shopper, and does not call a product nobody bought popular", () => {
    expect(reasonText({ kind: "popular", collectionTitle: "Ceramics", unitsSold: 4 })).toBe("Popular in Ceramics this season — not based on you.");
    expect(reasonText({ kind: "popular", collectionTitle: null, unitsSold: 4 })).toBe("Popular in the shop this season — not based on you.");
    expect(reasonText({ kind: "popular", collectionTitle: "Ceramics", unitsSold: 0 })).toBe("One of our picks from Ceramics — not based on you.");
  });
});

describe("what the shop used, beside the off switch", () => {
  it("says orders or cart, whichever the reason came from", () => {
    expect(personalDataNote({ kind: "bought-with-cart", cartTitle: "Apron" })).toBe("Based on your cart, because you turned on personalised suggestions.");
    expect(personalDataNote({ kind: "running-low", lastBoughtAt: new Date() })).toBe("Based on your orders, because you turned on personalised suggestions.");
  });
});

describe("the product form's re-buy interval", () => {
  const form = {
    title: "Oak candle",
    slug: "oak-candle",
    status: "draft",
    collections: [],
    optionNames: [],
    "variants.0.sku": "OAK-C",
    "variants.0.price": "24.00",
    "variants.0.stock": "3",
  };
  const read = (rebuyAfterDays: string | undefined) => readProductForm({ ...form, rebuyAfterDays }, "GBP");

  it("is empty (not a consumable) when left blank or missing", () => {
    for (const value of ["", "  ", undefined]) {
      const result = read(value);
      expect(result.ok && result.data.rebuyAfterDays).toBe(null);
    }
  });
  it("takes whole days from 1 to 365", () => {
    for (const [value, days] of [["1", 1], ["45", 45], [" 365 ", 365]] as const) {
      const result = read(value);
      expect(result.ok && result.data.rebuyAfterDays, value).toBe(days);
    }
  });
  it("refuses anything else with one clear message on the field", () => {
    for (const value of ["0", "366", "-5", "2.5", "thirty", "1e2", "99999"]) {
      const result = read(value);
      expect(result.ok, value).toBe(false);
      if (!result.ok) expect(result.fieldErrors.rebuyAfterDays, value).toEqual([expect.stringMatching(/from 1 to 365/)]);
    }
  });
});
