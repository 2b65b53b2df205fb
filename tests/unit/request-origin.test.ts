import { describe, expect, it } from "vitest";
import { returnPathFrom, signInConfirmUrl } from "@/lib/auth/sign-in-link";
import { clientAddressFrom, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { isSameOriginPost } from "@/lib/http/same-origin";

describe("the emailed sign-in link", () => {
  const shop = "https://shop.example";

  it("always points at the shop's own origin, whatever origin Auth.js was told by the request", () => {
    const forged = "http://evil.example/api/auth/callback/email?callbackUrl=http%3A%2F%2Fevil.example%2Faccount&token=abc123&email=victim%40example.com";
    const link = new URL(signInConfirmUrl(forged, shop));
    expect(link.origin).toBe(shop);
    expect(link.pathname).toBe("/login/confirm");
    expect(link.searchParams.get("token")).toBe("abc123");
    expect(link.searchParams.get("email")).toBe("victim@example.com");
    // A return address on another site is dropped, not carried along.
    expect(link.searchParams.get("callbackUrl")).toBeNull();
  });

  it("keeps a return path on this site", () => {
    const url = `${shop}/api/auth/callback/email?callbackUrl=${encodeURIComponent(`${shop}/account/orders?x=1`)}&token=t&email=a%40b.c`;
    expect(new URL(signInConfirmUrl(url, shop)).searchParams.get("callbackUrl")).toBe("/account/orders?x=1");
    expect(returnPathFrom("/account/privacy/delete", shop)).toBe("/account/privacy/delete");
    for (const bad of ["//evil.example/x", "https://evil.example/", "javascript:alert(1)", "%ff", null]) expect(returnPathFrom(bad, shop)).toBeNull();
  });
});

describe("the client's network address", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forged of ["1.2.3.4", "5.6.7.8, 9.9.9.9", "anything"]) {
      expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": forged }), 0)).toBe("203.0.113.7");
    }
  });

  it("behind N trusted proxies, is the N-th address from the right, never one the client wrote further left", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1" });
    expect(clientAddressFrom(h, 1)).toBe("10.0.0.1");
    expect(clientAddressFrom(h, 2)).toBe("198.51.100.4");
    expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.4" }), 1)).toBe("198.51.100.4");
  });

  it("spells an IPv4 client on a dual-stack socket the same way as on an IPv4 one", () => {
    expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "::1" }), 0)).toBe("::1");
  });
});

describe("same-origin posts", () => {
  const shop = "https://shop.example";
  it("accepts the shop's own pages and refuses other sites", () => {
    expect(isSameOriginPost(new Headers({ "sec-fetch-site": "same-origin" }), shop)).toBe(true);
    expect(isSameOriginPost(new Headers({ "sec-fetch-site": "cross-site", origin: shop }), shop)).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "https://shop.example" }), shop)).toBe(true);
    expect(isSameOriginPost(new Headers({ origin: "https://evil.example" }), shop)).toBe(false);
    expect(isSameOriginPost(new Headers({ origin: "null" }), shop)).toBe(false);
    expect(isSameOriginPost(new Headers(), shop)).toBe(false);
  });
});
