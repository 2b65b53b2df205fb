import { afterEach, describe, expect, it } from "vitest";
import { checkDestination, forwardUrl, isTrackedLinkSlug, shortUrl, suggestSlug } from "@/lib/links/tracked-links";
import { archiveTrackedLinkSchema, createTrackedLinkSchema, updateTrackedLinkSchema } from "@/lib/validations/tracked-link";

/*
 * The rules of tracked short links: a destination is a page of this shop and nothing else (the
 * redirect must not be an open redirect), slugs are short lower-case words, and the forwarded
 * URL carries the link's UTM parameters.
 */

const SHOP = "https://shop.example";

describe("destinations", () => {
  it.each([
    ["an absolute URL to another site", "https://evil.example/products/x"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/products/x"],
    ["a backslash that browsers read as //", "/\\evil.example"],
    ["a backslash later in the path", "/products\\..\\..\\evil"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: in capitals", "JavaScript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a path without a leading slash", "products/x"],
    ["a tab smuggled into the slashes", "/\t/evil.example"],
    ["a newline", "/products/x\nLocation: https://evil.example"],
    ["the shop's origin over another scheme", "http://shop.example/products/x"],
    ["a look-alike host", "https://shop.example.evil.example/"],
    ["another short link (a loop)", "/go/bio"],
    ["the admin", "/admin/orders"],
    ["the API", "/api/health"],
    ["nothing", "   "],
  ])("refuses %s", (_name, value) => {
    const result = checkDestination(value, SHOP);
    expect(result.ok).toBe(false);
  });

  it.each([
    ["/", "/"],
    ["/links", "/links"],
    ["/products/smoked-oak-candle", "/products/smoked-oak-candle"],
    ["/collections/candles?colour=amber#top", "/collections/candles?colour=amber#top"],
    ["  /collections/candles  ", "/collections/candles"],
    // Pasted from the address bar: the shop's own origin, kept as its path.
    ["https://shop.example/products/everyday-mug?variant=EVEMUG-OAT", "/products/everyday-mug?variant=EVEMUG-OAT"],
    // Dot segments are resolved, and still land on the shop.
    ["/products/../links", "/links"],
  ])("accepts %s as %s", (value, path) => {
    expect(checkDestination(value, SHOP)).toEqual({ ok: true, path });
  });

  it("says why another site is refused", () => {
    expect(checkDestination("https://evil.example/", SHOP)).toEqual({ ok: false, message: "Short links only go to pages of this shop, never to another site." });
  });
});

describe("slugs", () => {
  it.each(["bio", "oak-candle-reel", "a", "2026-black-friday", "x".repeat(63)])("accepts %s", (slug) => expect(isTrackedLinkSlug(slug)).toBe(true));
  it.each(["", "-bio", "Bio", "bio link", "bio/x", "bió", "x".repeat(64), "bio_2"])("refuses %j", (slug) => expect(isTrackedLinkSlug(slug)).toBe(false));

  it("suggests one from the campaign, else the label", () => {
    expect(suggestSlug("Autumn Candles — Reel #1", "x")).toBe("autumn-candles-reel-1");
    expect(suggestSlug("", "Crème brûlée candle")).toBe("creme-brulee-candle");
    expect(suggestSlug("", "")).toBe("");
    const long = suggestSlug("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(63);
    expect(isTrackedLinkSlug(long)).toBe(true);
  });
});

describe("the forwarded URL", () => {
  const utm = { source: "instagram", medium: "social", campaign: "oak-candle-reel", content: null };

  it("is the shop's origin, the destination and the UTM parameters", () => {
    expect(forwardUrl(SHOP, "/products/smoked-oak-candle", utm)).toBe("https://shop.example/products/smoked-oak-candle?utm_source=instagram&utm_medium=social&utm_campaign=oak-candle-reel");
  });

  it("merges them into the destination's own query, keeping its fragment, and the link's own labels win", () => {
    const url = new URL(forwardUrl(SHOP, "/collections/candles?colour=amber&utm_source=old#grid", { ...utm, content: "reel 1" }));
    expect(url.origin).toBe(SHOP);
    expect(url.pathname).toBe("/collections/candles");
    expect(url.hash).toBe("#grid");
    expect(Object.fromEntries(url.searchParams)).toEqual({ colour: "amber", utm_source: "instagram", utm_medium: "social", utm_campaign: "oak-candle-reel", utm_content: "reel 1" });
  });

  it("never leaves the shop, even for a stored value that slipped past the checks", () => {
    expect(forwardUrl(SHOP, "//evil.example/x", utm)).toBe("https://shop.example/");
    expect(forwardUrl(SHOP, "https://evil.example/x", utm)).toBe("https://shop.example/");
  });

  it("the short URL is the shop's origin and /go/<slug>", () => {
    expect(shortUrl("https://shop.example/", "bio")).toBe("https://shop.example/go/bio");
  });
});

describe("the forms", () => {
  const previous = process.env.SITE_URL;
  afterEach(() => {
    process.env.SITE_URL = previous;
  });
  const valid = { destination: "/products/smoked-oak-candle", destinationPath: "", utmSource: " Instagram ", utmMedium: "", utmCampaign: "Oak candle reel", utmContent: "", label: "Reel", slug: "" };

  it("reads a link: lower-case source, the default medium, a slug from the campaign", () => {
    process.env.SITE_URL = SHOP;
    expect(createTrackedLinkSchema.parse(valid)).toEqual({
      destination: "/products/smoked-oak-candle",
      slug: "oak-candle-reel",
      label: "Reel",
      utm: { source: "instagram", medium: "social", campaign: "Oak candle reel", content: null },
    });
  });

  it("takes a typed path when the picker says other", () => {
    process.env.SITE_URL = SHOP;
    expect(createTrackedLinkSchema.parse({ ...valid, destination: "other", destinationPath: `${SHOP}/collections/candles` }).destination).toBe("/collections/candles");
  });

  it("reports every problem at once, each under its field", () => {
    process.env.SITE_URL = SHOP;
    const result = createTrackedLinkSchema.safeParse({ ...valid, destination: "other", destinationPath: "//evil.example", utmSource: "Insta gram", utmCampaign: "", slug: "Not A Slug!" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(new Set(paths)).toEqual(new Set(["destinationPath", "utmSource", "utmCampaign", "slug"]));
  });

  it("says one thing about an empty field, not also that its characters are wrong", () => {
    process.env.SITE_URL = SHOP;
    const result = createTrackedLinkSchema.safeParse({ ...valid, utmSource: "", utmCampaign: "" });
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(["utmSource: Say where the link will be posted, e.g. instagram.", "utmCampaign: Name the campaign, e.g. autumn-candles."]);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])("refuses %s as a picked destination too (a tampered form)", (destination) => {
    process.env.SITE_URL = SHOP;
    const result = createTrackedLinkSchema.safeParse({ ...valid, destination });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain("destination");
  });

  it("edits only label and destination, and archives by id", () => {
    process.env.SITE_URL = SHOP;
    expect(updateTrackedLinkSchema.parse({ id: "7", destination: "/links", destinationPath: "", label: "Bio", slug: "changed", utmSource: "x" })).toEqual({ id: 7, destination: "/links", label: "Bio" });
    expect(archiveTrackedLinkSchema.parse({ id: "7", archived: "1" })).toEqual({ id: 7, archived: true });
    expect(archiveTrackedLinkSchema.safeParse({ id: "0", archived: "1" }).success).toBe(false);
    expect(archiveTrackedLinkSchema.safeParse({ id: "7", archived: "yes" }).success).toBe(false);
  });
});
