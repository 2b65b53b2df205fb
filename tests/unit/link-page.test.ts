import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { linkEntries, renderLinkPageHtml } from "@/lib/link-page/render";
import { MAX_INTRO_LENGTH, moveInOrder, normaliseLinkUrl } from "@/lib/link-page/rules";
import { addLinkSchema, linkPageIntroSchema, moveLinkSchema } from "@/lib/validations/link-page";

// Vitest does not load CSS as text the way the app's bundler does (next.config.ts, ?raw).
vi.mock("@/app/theme.css?raw", () => ({ default: readFileSync("app/theme.css", "utf8") }));

/*
 * The link page's rules: which addresses a custom link may hold, how a move changes the order
 * (and refuses a stale one), what the public page shows of each link, and that the page
 * carries no script.
 */

describe("a custom link's address", () => {
  it("may be an http(s) URL with a host, or a path on the shop", () => {
    expect(normaliseLinkUrl("https://example.com/open-day")).toBe("https://example.com/open-day");
    expect(normaliseLinkUrl("  http://example.com ")).toBe("http://example.com/");
    expect(normaliseLinkUrl("HTTPS://Example.com/A?b=1#c")).toBe("https://example.com/A?b=1#c");
    expect(normaliseLinkUrl("/collections/candles?sort=newest")).toBe("/collections/candles?sort=newest");
    expect(normaliseLinkUrl("/privacy")).toBe("/privacy");
  });

  it("may not run script, leave for another site in disguise, or carry credentials or spaces", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "mailto:hello@example.com",
      "//evil.example/path",
      "/\\evil.example",
      "example.com",
      "ftp://example.com/file",
      "https://user:secret@example.com/",
      "https://exa mple.com",
      "/path with space",
      "/tab\there",
      "https://",
      "",
      "   ",
      `https://example.com/${"a".repeat(500)}`,
    ]) {
      expect(normaliseLinkUrl(bad), bad).toBeNull();
    }
  });
});

describe("moving a link", () => {
  it("swaps it with the neighbour the merchant saw beside it", () => {
    expect(moveInOrder([1, 2, 3], 3, "up", 2)).toEqual([1, 3, 2]);
    expect(moveInOrder([1, 2, 3], 1, "down", 2)).toEqual([2, 1, 3]);
  });

  it("refuses a move past either end, of a link that is gone, or from a list that changed since (a double click)", () => {
    expect(moveInOrder([1, 2, 3], 1, "up", 0)).toBeNull();
    expect(moveInOrder([1, 2, 3], 3, "down", 4)).toBeNull();
    expect(moveInOrder([1, 2], 3, "up", 2)).toBeNull();
    // The first click moved 3 above 2; the second click's form still names 2 as the one above.
    const once = moveInOrder([1, 2, 3], 3, "up", 2)!;
    expect(moveInOrder(once, 3, "up", 2)).toBeNull();
  });
});

describe("the editor's forms", () => {
  it("need a product, a collection, or a valid address and a label, each error on its own field", () => {
    const errors = (input: Record<string, string>) => {
      const result = addLinkSchema.safeParse(input);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ kind: "product", productId: "" })).toHaveProperty("productId");
    expect(errors({ kind: "collection", collectionId: "abc" })).toHaveProperty("collectionId");
    expect(Object.keys(errors({ kind: "url", url: "javascript:alert(1)", label: "" })).sort()).toEqual(["label", "url"]);
    expect(errors({ kind: "somewhere" })).toHaveProperty("kind");
    expect(errors({ kind: "url", url: "https://example.com", label: "x".repeat(81) })).toHaveProperty("label");
    expect(addLinkSchema.parse({ kind: "product", productId: "12", label: "" })).toEqual({ kind: "product", productId: 12, label: "" });
    expect(addLinkSchema.parse({ kind: "newsletter" })).toEqual({ kind: "newsletter", label: "" });
    expect(addLinkSchema.parse({ kind: "url", url: "/privacy", label: " Our promise " })).toEqual({ kind: "url", url: "/privacy", label: "Our promise" });
  });

  it("keep the intro short and plain", () => {
    expect(linkPageIntroSchema.safeParse({ intro: "x".repeat(MAX_INTRO_LENGTH + 1) }).success).toBe(false);
    expect(linkPageIntroSchema.safeParse({ intro: "bell\u0007" }).success).toBe(false);
    expect(linkPageIntroSchema.parse({ intro: " Two\r\nlines " })).toEqual({ intro: "Two\nlines" });
  });

  it("refuse a move that names no link", () => {
    expect(moveLinkSchema.safeParse({ id: "0", direction: "up", neighbourId: "2" }).success).toBe(false);
    expect(moveLinkSchema.safeParse({ id: "1", direction: "sideways", neighbourId: "2" }).success).toBe(false);
    expect(moveLinkSchema.parse({ id: "1", direction: "down", neighbourId: "2" })).toEqual({ id: 1, direction: "down", neighbourId: 2 });
  });
});

const product = (published: boolean) => ({ id: 1, slug: "oak-candle", title: "Oak candle", published });
const links = [
  { id: 1, kind: "product" as const, label: "", url: null, product: product(true), collection: null },
  { id: 2, kind: "product" as const, label: "Gone", url: null, product: product(false), collection: null },
  { id: 3, kind: "collection" as const, label: "All the linen", url: null, product: null, collection: { id: 4, slug: "linen", title: "Linen", published: true } },
  { id: 4, kind: "newsletter" as const, label: "", url: null, product: null, collection: null },
  { id: 5, kind: "url" as const, label: "Open day <3", url: "https://example.com/?a=1&b=2", product: null, collection: null },
];

describe("the public page", () => {
  it("shows each link in order, a product or collection by its current title unless labelled, and leaves out what shoppers cannot see", () => {
    expect(linkEntries(links)).toEqual([
      { kind: "product", href: "/products/oak-candle", label: "Oak candle" },
      { kind: "collection", href: "/collections/linen", label: "All the linen" },
      { kind: "newsletter", href: "#newsletter", label: "Join the newsletter" },
      { kind: "url", href: "https://example.com/?a=1&b=2", label: "Open day <3" },
    ]);
  });

  it("is one HTML document with no script, every text escaped, and a signup form that posts without JavaScript", async () => {
    const html = await renderLinkPageHtml({
      shopName: "Ember & Oak",
      intro: "Made slowly. <script>alert(1)</script>",
      links: linkEntries(links),
      socialProfiles: [
        { network: "instagram", href: "https://www.instagram.com/emberandoak.example" },
        { network: "mastodon", href: "https://mastodon.example/@ember" },
      ],
      origin: "https://shop.example",
      locale: "en-GB",
    });
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Made slowly. &lt;script&gt;");
    expect(html).toContain('<html lang="en-GB" dir="ltr">');
    expect(html).toContain('aria-label="Instagram"');
    expect(html).toContain('aria-label="mastodon"');
    expect(html).toMatch(/<form[^>]* action="\/links\/subscribe" method="post"/);
    expect(html).toContain('name="source" value="links-page"');
    expect(html).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(html.indexOf("Oak candle")).toBeLessThan(html.indexOf("All the linen"));
    // Nothing from anywhere but the shop itself.
    const sources = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    const external = sources.filter((s) => /^https?:/.test(s) && !s.startsWith("https://shop.example"));
    expect(external.sort()).toEqual(["https://example.com/?a=1&amp;b=2", "https://mastodon.example/@ember", "https://www.instagram.com/emberandoak.example"]);
    expect(html).not.toMatch(/<link[^>]+rel="(?:stylesheet|modulepreload)"/);
  });

  it("lays itself out right to left for a right-to-left language", async () => {
    const html = await renderLinkPageHtml({ shopName: "متجر", intro: "", links: [], socialProfiles: [], origin: "https://shop.example", locale: "ar-EG" });
    expect(html).toContain('dir="rtl"');
  });
});
