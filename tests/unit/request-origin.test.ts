import { describe, expect, it } from "vitest";
import { returnPathFrom, signInConfirmUrl } from "@/lib/auth/sign-in-link";
import { clientAddressFrom } from "@/lib/http/client-address";

const PEER_ADDRESS_HEADER = "x-hearth-peer-test";
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
      expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": forged }), 0, PEER_ADDRESS_HEADER)).toBe("203.0.113.7");
    }
  });

  it("behind N trusted proxies, is the N-th address from the right, never one the client wrote further left", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1" });
    expect(clientAddressFrom(h, 1, PEER_ADDRESS_HEADER)).toBe("10.0.0.1");
    expect(clientAddressFrom(h, 2, PEER_ADDRESS_HEADER)).toBe("198.51.100.4");
    expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.4" }), 1, PEER_ADDRESS_HEADER)).toBe("198.51.100.4");
  });

  it("spells an IPv4 client on a dual-stack socket the same way as on an IPv4 one", () => {
    expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), 0, PEER_ADDRESS_HEADER)).toBe("127.0.0.1");
  });

  it("keys an IPv6 client by its /64, so one machine cannot rotate through its own addresses", () => {
    const key = (address: string) => clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: address }), 0, PEER_ADDRESS_HEADER);
    expect(key("2001:db8:abcd:12::1")).toBe("2001:db8:abcd:12::/64");
    expect(key("2001:0db8:abcd:0012:ffff:1:2:3")).toBe("2001:db8:abcd:12::/64");
    expect(key("2001:db8:abcd:13::1")).not.toBe(key("2001:db8:abcd:12::1"));
    expect(key("::1")).toBe("0:0:0:0::/64");
  });

  it("ignores a header the client sends in place of the stamp: its name is secret per process", () => {
    expect(clientAddressFrom(headers({ "x-hearth-peer-address": "1.2.3.4", [PEER_ADDRESS_HEADER]: "203.0.113.9" }), 0, PEER_ADDRESS_HEADER)).toBe("203.0.113.9");
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
