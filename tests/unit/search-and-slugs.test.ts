import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, sanitizeSearchQuery } from "@/lib/catalog/search-query";
import { isValidSlug, slugify } from "@/lib/catalog/slug";
import { sharedUrl, shareLinks } from "@/lib/catalog/share-links";
import { stockLevel } from "@/lib/catalog/stock";

describe("search query sanitising", () => {
  it("folds whitespace and trims", () => {
    expect(sanitizeSearchQuery("  linen   shirt \n")).toBe("linen shirt");
  });
  it("removes tsquery operators and control characters", () => {
    expect(sanitizeSearchQuery("wool & !cotton | (x):* <-> 'y'")).toBe("wool cotton x - y");
    expect(sanitizeSearchQuery("a\u0000b\u007fc")).toBe("a b c");
  });
  it("cuts very long input instead of failing", () => {
    const q = sanitizeSearchQuery("candle ".repeat(1000));
    expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(q.startsWith("candle candle")).toBe(true);
  });
  it("treats non-strings as empty", () => {
    expect(sanitizeSearchQuery(undefined)).toBe("");
    expect(sanitizeSearchQuery(["a"])).toBe("");
  });
  it("normalises look-alike characters", () => {
    expect(sanitizeSearchQuery("ｃａｎｄｌｅ")).toBe("candle");
  });
});

describe("slugs", () => {
  it("makes URL-safe slugs from titles", () => {
    expect(slugify("Ember & Oak Jar Candle")).toBe("ember-and-oak-jar-candle");
    expect(slugify("Crème brûlée  bowl!")).toBe("creme-brulee-bowl");
    expect(slugify("---")).toBe("");
  });
  it("validates slugs from URLs", () => {
    expect(isValidSlug("linen-shirt")).toBe(true);
    expect(isValidSlug("Linen-Shirt")).toBe(false);
    expect(isValidSlug("a--b")).toBe(false);
    expect(isValidSlug("../x")).toBe(false);
    expect(isValidSlug("")).toBe(false);
    expect(isValidSlug("a".repeat(121))).toBe(false);
  });
});

describe("share links", () => {
  it("tag the shared product URL with the network", () => {
    const url = new URL(sharedUrl("https://shop.example/products/everyday-mug", "pinterest"));
    expect(url.pathname).toBe("/products/everyday-mug");
    expect(url.searchParams.get("utm_source")).toBe("pinterest");
    expect(url.searchParams.get("utm_medium")).toBe("social");
  });
  it("point to each network's own share page with the tagged URL inside", () => {
    const links = shareLinks({ productUrl: "https://shop.example/products/mug", title: "Mug & co", networks: ["facebook", "email"] });
    const fb = new URL(links[0]!.href);
    expect(fb.hostname).toBe("www.facebook.com");
    expect(new URL(fb.searchParams.get("u")!).searchParams.get("utm_source")).toBe("facebook");
    expect(links[1]!.href.startsWith("mailto:?subject=Mug%20%26%20co")).toBe(true);
    expect(decodeURIComponent(links[1]!.href)).toContain("utm_source=email");
  });
});

describe("stock levels", () => {
  it("says sold out, low stock or in stock in words", () => {
    expect(stockLevel(0)).toEqual({ state: "sold_out", label: "Sold out" });
    expect(stockLevel(3)).toEqual({ state: "low_stock", label: "Only 3 left" });
    expect(stockLevel(50).state).toBe("in_stock");
  });
});
