import { describe, expect, it } from "vitest";
import { filterableOptionKeys, parseListingState } from "@/lib/catalog/listing-params";
import { config } from "@/proxy";

type Matcher = string | { source: string; has?: { type: string; key: string }[] };

describe("proxy matcher", () => {
  const matchers = config.matcher as Matcher[];
  const collectionKeys = matchers
    .filter((m): m is Exclude<Matcher, string> => typeof m !== "string" && m.source === "/collections/:slug")
    .flatMap((m) => m.has?.map((h) => h.key) ?? []);

  it("sends every collection URL whose query changes the listing through the proxy", () => {
    // Every key that parseListingState reacts to must appear in the matcher.
    const keys = ["sort", "page", "available", "min", "max", ...filterableOptionKeys];
    for (const key of keys) {
      const value = key === "sort" ? "newest" : key === "available" ? "1" : key === "page" ? "2" : key === "min" || key === "max" ? "5" : "x";
      const state = parseListingState(new URLSearchParams({ [key]: value }));
      expect(JSON.stringify(state) !== JSON.stringify(parseListingState(new URLSearchParams())), `${key} changes the state`).toBe(true);
      expect(collectionKeys, `matcher has ${key}`).toContain(key);
    }
  });

  it("sends product URLs with a variant through the proxy", () => {
    expect(matchers).toContainEqual({ source: "/products/:slug", has: [{ type: "query", key: "variant" }] });
  });
});
