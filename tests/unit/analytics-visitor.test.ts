import { describe, expect, it } from "vitest";
import { asksNotToBeTracked, channelOfHost, countedPath, deviceClassOf, externalReferrerHost, isBotUserAgent, isDocumentRequest, visitorHash } from "@/lib/analytics/visitor";
import { decodeLanding, encodeLanding, landingConsentSource, landingFrom } from "@/lib/attribution/landing";
import { readChannelRange } from "@/lib/admin/channel-range";

const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const headers = (values: Record<string, string>) => new Headers(values);

describe("the cookieless visitor", () => {
  it("is the same visitor all day: same salt, address and browser give the same hash", () => {
    expect(visitorHash("salt-monday", "shop.example", "203.0.113.7", chrome)).toBe(visitorHash("salt-monday", "shop.example", "203.0.113.7", chrome));
  });

  it("cannot be linked across days: yesterday's hash is unrelated to today's for the same person", () => {
    const yesterday = visitorHash("salt-monday", "shop.example", "203.0.113.7", chrome);
    const today = visitorHash("salt-tuesday", "shop.example", "203.0.113.7", chrome);
    expect(today).not.toBe(yesterday);
    // Not even a shared prefix that would let someone group them.
    expect(today.slice(0, 4)).not.toBe(yesterday.slice(0, 4));
  });

  it("tells different addresses, browsers and sites apart, and never contains the address", () => {
    const base = visitorHash("s", "shop.example", "203.0.113.7", chrome);
    expect(visitorHash("s", "shop.example", "203.0.113.8", chrome)).not.toBe(base);
    expect(visitorHash("s", "shop.example", "203.0.113.7", iphone)).not.toBe(base);
    expect(visitorHash("s", "other.example", "203.0.113.7", chrome)).not.toBe(base);
    expect(base).not.toContain("203");
    expect(base).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("is not counted when the browser sends Sec-GPC: 1 or DNT: 1", () => {
    expect(asksNotToBeTracked(headers({ "sec-gpc": "1" }))).toBe(true);
    expect(asksNotToBeTracked(headers({ dnt: "1" }))).toBe(true);
    expect(asksNotToBeTracked(headers({ dnt: "0" }))).toBe(false);
    expect(asksNotToBeTracked(headers({}))).toBe(false);
  });

  it("leaves out crawlers, link previewers and clients without a user agent", () => {
    expect(isBotUserAgent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(true);
    expect(isBotUserAgent("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")).toBe(true);
    expect(isBotUserAgent("curl/8.5.0")).toBe(true);
    expect(isBotUserAgent(null)).toBe(true);
    expect(isBotUserAgent(chrome)).toBe(false);
    expect(isBotUserAgent(iphone)).toBe(false);
  });

  it("keeps only a device class from the user agent", () => {
    expect(deviceClassOf(iphone)).toBe("phone");
    expect(deviceClassOf(chrome)).toBe("desktop");
    expect(deviceClassOf("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)")).toBe("tablet");
    expect(deviceClassOf("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/131 Safari/537.36")).toBe("tablet");
    expect(deviceClassOf("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131 Mobile Safari/537.36")).toBe("phone");
  });

  it("keeps the referring site's host only when it is another site", () => {
    expect(externalReferrerHost("https://l.instagram.com/?u=https%3A%2F%2Fshop.example", "shop.example")).toBe("l.instagram.com");
    expect(externalReferrerHost("https://www.shop.example/products/x", "shop.example")).toBeNull();
    expect(externalReferrerHost("https://shop.example/", "shop.example")).toBeNull();
    expect(externalReferrerHost("android-app://com.instagram.android", "shop.example")).toBeNull();
    expect(externalReferrerHost("not a url", "shop.example")).toBeNull();
  });

  it("names the channel a social or search site's many hosts belong to", () => {
    expect(channelOfHost("l.instagram.com")).toBe("instagram");
    expect(channelOfHost("lm.facebook.com")).toBe("facebook");
    expect(channelOfHost("t.co")).toBe("x");
    expect(channelOfHost("google.co.th")).toBe("google");
    expect(channelOfHost("blog.example")).toBe("blog.example");
    // A link opened from webmail is email, not a Google search.
    expect(channelOfHost("mail.google.com")).toBe("email");
    expect(channelOfHost("outlook.live.com")).toBe("email");
  });

  it("counts paths without query strings or tokens, and not staff pages or files", () => {
    expect(countedPath("/products/oak-candle")).toBe("/products/oak-candle");
    expect(countedPath("/unsubscribe/abc.def")).toBe("/unsubscribe");
    expect(countedPath("/orders/6f1c0d2e-0000-4000-8000-000000000000")).toBe("/orders");
    expect(countedPath("/preferences/tok")).toBe("/preferences");
    expect(countedPath("/admin/orders")).toBeNull();
    expect(countedPath("/api/health")).toBeNull();
    expect(countedPath("/go/reel")).toBeNull();
    expect(countedPath("/icon.svg")).toBeNull();
    expect(countedPath("https://evil.example/")).toBeNull();
    expect(countedPath(`/${"a".repeat(400)}`)).toHaveLength(300);
    // A record's id never makes it into a path: an order, a search, a token.
    expect(countedPath("/account/orders/6f1c0d2e-0000-4000-8000-000000000000")).toBe("/account/orders");
    expect(countedPath("/search/bGluZW4gc2hpcnQ")).toBe("/search");
    expect(countedPath("/account/thing/aB3dE6gH9jK2mN5pQ8sT1vW4")).toBe("/account/thing");
    // Long product slugs stay whole.
    expect(countedPath("/products/linen-overshirt-relaxed-fit-2026-edition")).toBe("/products/linen-overshirt-relaxed-fit-2026-edition");
  });

  it("counts documents, not prefetches or the client router's data requests", () => {
    expect(isDocumentRequest(headers({ "sec-fetch-dest": "document" }))).toBe(true);
    expect(isDocumentRequest(headers({}))).toBe(true);
    expect(isDocumentRequest(headers({ "sec-fetch-dest": "empty", rsc: "1" }))).toBe(false);
    expect(isDocumentRequest(headers({ rsc: "1" }))).toBe(false);
    expect(isDocumentRequest(headers({ "next-router-prefetch": "1" }))).toBe(false);
    expect(isDocumentRequest(headers({ "sec-fetch-dest": "document", "sec-purpose": "prefetch;prerender" }))).toBe(false);
  });
});

describe("the landing a visit came from", () => {
  it("is the utm_source when the link is tagged, with the other UTM parameters", () => {
    const landing = landingFrom(new URLSearchParams("utm_source=Instagram&utm_medium=social&utm_campaign=Oak%20week&utm_content=reel-1"), null);
    expect(landing).toEqual({ channel: "instagram", medium: "social", campaign: "Oak week", content: "reel-1", linkId: null });
  });

  it("is the referring site's channel when the link is not tagged, and nothing for a direct visit", () => {
    expect(landingFrom(new URLSearchParams(), "l.instagram.com")).toMatchObject({ channel: "instagram", medium: "referral", campaign: null });
    expect(landingFrom(new URLSearchParams(), null)).toBeNull();
    expect(landingFrom(new URLSearchParams("utm_source=%20%20"), null)).toBeNull();
  });

  it("survives the cookie round trip, and an edited or unsigned cookie is no landing rather than an error", () => {
    const landing = { channel: "instagram", medium: "social", campaign: "oak", content: null, linkId: 12 };
    const value = encodeLanding(landing);
    expect(value).toMatch(/^s=instagram&m=social&c=oak&l=12&sig=[\w-]{43}$/);
    expect(decodeLanding(value)).toEqual(landing);
    // Crediting another link or channel by editing the cookie: refused.
    expect(decodeLanding(value.replace("l=12", "l=13"))).toBeNull();
    expect(decodeLanding(value.replace("s=instagram", "s=tiktok"))).toBeNull();
    expect(decodeLanding("s=tiktok&l=4")).toBeNull();
    expect(decodeLanding(`s=tiktok&sig=${"A".repeat(43)}`)).toBeNull();
    expect(decodeLanding("%%%")).toBeNull();
    expect(decodeLanding("x".repeat(800))).toBeNull();
    // A signed value with a link id out of range is a landing without a link.
    expect(decodeLanding(encodeLanding({ ...landing, linkId: 99999999999 }))?.linkId).toBeNull();
  });

  it("is recorded in the consent ledger as utm:<channel>, in the characters the ledger's sources use", () => {
    expect(landingConsentSource({ channel: "instagram", medium: null, campaign: null, content: null, linkId: null })).toBe("utm:instagram");
    expect(landingConsentSource(landingFrom(new URLSearchParams("utm_source=My%20Blog/Feed"), null)!)).toBe("utm:my-blog-feed");
    // Letters of any script are kept: a Thai or Greek source is a channel name too.
    expect(landingFrom(new URLSearchParams("utm_source=ไลน์ OA"), null)?.channel).toBe("ไลน์-oa");
    // The same name whichever way it arrives: a tag, or the cookie written from one.
    expect(decodeLanding(encodeLanding({ channel: "Facebook Ads", medium: null, campaign: null, content: null, linkId: null }))?.channel).toBe(
      landingFrom(new URLSearchParams("utm_source=Facebook+Ads"), null)?.channel,
    );
  });
});

describe("the Channels page's range", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  it("is the last 30 days by default, both ends included", () => {
    const range = readChannelRange({}, "Europe/London", now);
    expect(range).toMatchObject({ from: "2026-10-25", to: "2026-11-23", preset: 30 });
    expect(range.days).toHaveLength(30);
  });

  it("takes a preset or two dates, and refuses reversed or over-long ranges with a reason", () => {
    expect(readChannelRange({ days: "7" }, "Europe/London", now)).toMatchObject({ from: "2026-11-17", to: "2026-11-23", preset: 7 });
    expect(readChannelRange({ from: "2026-11-01", to: "2026-11-03" }, "Europe/London", now)).toMatchObject({ days: ["2026-11-01", "2026-11-02", "2026-11-03"], preset: null });
    expect(readChannelRange({ from: "2026-11-05", to: "2026-11-01" }, "Europe/London", now)).toMatchObject({ problem: "order", preset: 30 });
    expect(readChannelRange({ from: "2024-01-01", to: "2026-11-01" }, "Europe/London", now)).toMatchObject({ problem: "too-long" });
    expect(readChannelRange({ from: "2026-02-30", to: "2026-03-01" }, "Europe/London", now)).toMatchObject({ preset: 30, from: "2026-10-25" });
  });
});
