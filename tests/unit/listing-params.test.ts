import { describe, expect, it } from "vitest";
import {
  defaultListingState,
  listingHref,
  listingStateToQuery,
  parseListingState,
  toggleOptionValue,
} from "@/lib/catalog/listing-params";
import { listingStateFromSegment, listingStateToSegment, variantToSegment } from "@/lib/catalog/route-segments";

const parse = (query: string) => parseListingState(new URLSearchParams(query));

describe("collection URL state", () => {
  it("reads sort, page, availability, price and option filters", () => {
    expect(parse("sort=price-asc&page=3&available=1&min=10&max=50&colour=Sand&size=M,L")).toEqual({
      sort: "price-asc",
      page: 3,
      available: true,
      min: 10,
      max: 50,
      options: { colour: ["Sand"], size: ["L", "M"] },
    });
  });

  it("turns hostile values into defaults instead of errors", () => {
    expect(parse("page=-1&sort=x&min=abc&max=1e9")).toEqual(defaultListingState);
    expect(parse("page=0").page).toBe(1);
    expect(parse("page=99999999999").page).toBe(1);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("available=yes").available).toBe(false);
  });

  it("ignores parameters that are not filters (utm tags, unknown options)", () => {
    expect(parse("utm_source=instagram&material=wool&__proto__=x")).toEqual(defaultListingState);
  });

  it("swaps a reversed price range", () => {
    const s = parse("min=80&max=20");
    expect([s.min, s.max]).toEqual([20, 80]);
  });

  it("caps the number and length of option values", () => {
    const many = Array.from({ length: 30 }, (_, i) => `colour=c${i}`).join("&");
    expect(parse(many).options.colour).toHaveLength(12);
    expect(parse(`colour=${"x".repeat(500)}`).options.colour?.[0]).toHaveLength(40);
  });

  it("writes a canonical query with defaults left out", () => {
    expect(listingStateToQuery(defaultListingState)).toBe("");
    expect(listingStateToQuery(parse("size=M&colour=Sand&page=2&sort=newest"))).toBe("sort=newest&colour=Sand&size=M&page=2");
    // The same filters in any order give the same URL.
    expect(listingStateToQuery(parse("colour=Moss,Sand"))).toBe(listingStateToQuery(parse("colour=Sand&colour=Moss")));
  });

  it("builds links that reset nothing but what changed", () => {
    const s = parse("sort=newest&colour=Sand");
    expect(listingHref("/collections/linen", s, { page: 2 })).toBe("/collections/linen?sort=newest&colour=Sand&page=2");
    expect(listingHref("/collections/linen", defaultListingState)).toBe("/collections/linen");
  });

  it("toggles an option value and returns to page 1", () => {
    const s = { ...parse("colour=Sand&page=3") };
    expect(toggleOptionValue(s, "colour", "Moss").options.colour).toEqual(["Moss", "Sand"]);
    expect(toggleOptionValue(s, "colour", "Sand").options.colour).toBeUndefined();
    expect(toggleOptionValue(s, "colour", "Moss").page).toBe(1);
  });

  it("round-trips through the cache path segment", () => {
    for (const q of ["", "sort=price-desc", "available=1&min=5&scent=Cedar+%26+Smoke", "colour=Été&page=4"]) {
      const state = parse(q);
      const segment = listingStateToSegment(state);
      expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(listingStateFromSegment(segment)).toEqual(state);
    }
    expect(listingStateToSegment(defaultListingState)).toBe("all");
  });

  it("rejects segments that are not the canonical form of a state", () => {
    expect(listingStateFromSegment("not base64!")).toBeNull();
    // "page=1" decodes to the default state, whose canonical segment is "all".
    expect(listingStateFromSegment(Buffer.from("page=1").toString("base64url"))).toBeNull();
    expect(listingStateFromSegment(Buffer.from([0xff, 0xfe]).toString("base64url"))).toBeNull();
  });

  it("accepts only SKU-shaped variant parameters", () => {
    expect(variantToSegment("evemug-oat")).toBe("EVEMUG-OAT");
    expect(variantToSegment(null)).toBe("default");
    expect(variantToSegment("../../etc/passwd")).toBe("default");
    expect(variantToSegment("x".repeat(100))).toBe("default");
  });
});

describe("search URL state", () => {
  it("round-trips a sanitised query and page through the cache segment", async () => {
    const { parseSearchState, searchStateFromSegment, searchStateToSegment } = await import("@/lib/catalog/route-segments");
    const state = parseSearchState(new URLSearchParams("q=  Linen   shirt &page=2"));
    expect(state).toEqual({ q: "Linen shirt", page: 2 });
    const segment = searchStateToSegment(state);
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(searchStateFromSegment(segment)).toEqual(state);
  });

  it("has one segment for 'no query' and rejects made-up segments", async () => {
    const { parseSearchState, searchStateFromSegment, searchStateToSegment } = await import("@/lib/catalog/route-segments");
    expect(searchStateToSegment(parseSearchState(new URLSearchParams("q=%20%20&page=4")))).toBe("empty");
    expect(searchStateFromSegment("not-a-search")).toBeNull();
    expect(searchStateFromSegment(Buffer.from("q=x&page=1").toString("base64url"))).toBeNull();
  });
});
