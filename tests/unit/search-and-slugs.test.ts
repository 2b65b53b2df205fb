import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, sanitizeSearchQuery } from "@/lib/catalog/search-query";
import { isValidSlug, slugify } from "@/lib/catalog/slug";
import { sharedUrl, shareLinks } from "@/lib/catalog/share-links";
import { stockLevel } from "@/lib/catalog/stock";
import { allowedEdits, editDistance, matchesAsPrefix, meantWords, searchWords } from "@/lib/catalog/typo-tolerance";

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

describe("typo tolerance", () => {
  it("counts a missing, extra or wrong letter, or two swapped neighbours, as one edit", () => {
    expect(editDistance("herth", "hearth")).toBe(1);
    expect(editDistance("merrino", "merino")).toBe(1);
    expect(editDistance("walmut", "walnut")).toBe(1);
    expect(editDistance("cnadle", "candle")).toBe(1);
    expect(editDistance("fishremen", "fisherman")).toBe(2);
    expect(editDistance("linear", "linen")).toBe(2);
    expect(editDistance("candle", "candle")).toBe(0);
    expect(editDistance("", "wool")).toBe(4);
    expect(editDistance("crème", "creme")).toBe(1);
  });

  it("forgives one edit from 5 letters and two from 8, never in short words, numbers or codes", () => {
    expect(["mug", "wool", "herth", "walnut", "merrino", "fishreman", "x".repeat(24), "x".repeat(25), "4321", "v60", "linen2"].map(allowedEdits)).toEqual([
      0, 0, 1, 1, 1, 2, 2, 0, 0, 0, 0,
    ]);
  });

  it("splits a query into words the way websearch syntax does", () => {
    expect(searchWords("Herth  candle")).toEqual([
      { text: "herth", excluded: false },
      { text: "candle", excluded: false },
    ]);
    expect(searchWords("wool -cotton pour-over no. 4321")).toEqual([
      { text: "wool", excluded: false },
      { text: "cotton", excluded: true },
      { text: "pour", excluded: false },
      { text: "over", excluded: false },
      { text: "no", excluded: false },
      { text: "4321", excluded: false },
    ]);
    expect(searchWords("'); drop --")).toEqual([{ text: "drop", excluded: false }]);
  });

  it("means the nearest catalogue words, in a stable order", () => {
    // "herth" is one edit from "hearth" and "heath"; "earth" is two edits away.
    expect(meantWords("herth", ["hearth", "heath", "earth"])).toEqual(["hearth", "heath"]);
    expect(meantWords("herth", ["earth", "heath", "hearth"])).toEqual(["hearth", "heath"]);
    expect(meantWords("herth", ["hearth", "earth"])).toEqual(["hearth"]);
    expect(meantWords("fishremen", ["fisherman", "fishermen", "firemen"])).toEqual(["fishermen"]);
  });

  it("takes a word the catalogue uses as it is, and a word being typed as the words it begins", () => {
    expect(meantWords("candle", ["candle", "handle"])).toEqual([]);
    expect(meantWords("sweat", ["sweet", "sweatshirt", "sweater"])).toEqual(["sweater", "sweatshirt"]);
  });

  it("guesses nothing for short words or words too far from any catalogue word", () => {
    expect(meantWords("mog", ["mug"])).toEqual([]);
    expect(meantWords("linear", ["linen"])).toEqual([]);
    expect(meantWords("glorf", [])).toEqual([]);
  });

  it("matches words of 3+ characters as the start of a word", () => {
    expect(["la", "lam", "lamb"].map(matchesAsPrefix)).toEqual([false, true, true]);
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
