import { describe, expect, it } from "vitest";
import { isCrossOriginActionPost } from "@/lib/http/same-origin";

const shop = "https://shop.example";
const post = (headers: Record<string, string>, method = "POST") => isCrossOriginActionPost(method, new Headers(headers), shop);

describe("a server-action post from another site", () => {
  it("is refused when its Origin is another site's, by header or as a plain multipart form", () => {
    expect(post({ "next-action": "00ab", origin: "https://evil.example" })).toBe(true);
    expect(post({ "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" })).toBe(true);
    // Same host, another scheme or port is another origin.
    expect(post({ "next-action": "00ab", origin: "http://shop.example" })).toBe(true);
    expect(post({ "next-action": "00ab", origin: "https://shop.example:8443" })).toBe(true);
  });

  it("is refused when the Origin cannot be read (Next.js would answer 500)", () => {
    expect(post({ "next-action": "00ab", origin: "null" })).toBe(true);
    expect(post({ "next-action": "00ab", origin: "not a url" })).toBe(true);
    expect(post({ "next-action": "00ab", origin: "" })).toBe(true);
  });

  it("is refused when the host Next.js compares the Origin with is forged", () => {
    expect(post({ "next-action": "00ab", origin: "https://shop.example", "x-forwarded-host": "evil.example" })).toBe(true);
    expect(post({ "next-action": "00ab", origin: "https://shop.example", host: "evil.example" })).toBe(true);
    expect(post({ "next-action": "00ab", origin: "https://shop.example", host: "10.0.0.5:3000", "x-forwarded-host": "shop.example" })).toBe(false);
  });

  it("is let through from the shop's own pages, and left to the action without an Origin", () => {
    expect(post({ "next-action": "00ab", origin: "https://shop.example", host: "shop.example" })).toBe(false);
    expect(post({ "next-action": "00ab", "x-forwarded-host": "evil.example" })).toBe(false);
    expect(post({ "next-action": "00ab", origin: "https://shop.example" })).toBe(false);
    expect(post({ "next-action": "00ab" })).toBe(false);
  });

  it("does not concern other requests", () => {
    expect(post({ "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" })).toBe(false);
    expect(post({ "content-type": "application/json", origin: "https://evil.example" })).toBe(false);
    expect(post({ "next-action": "00ab", origin: "https://evil.example" }, "GET")).toBe(false);
  });
});
