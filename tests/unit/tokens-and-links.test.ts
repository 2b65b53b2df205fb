import { describe, expect, it } from "vitest";
import { emailChangeToken, readEmailChangeToken } from "@/lib/auth/email-change";
import { safeReturnPath } from "@/lib/auth/return-path";
import { listUnsubscribeHeaders, readSubscriberToken, subscriberToken } from "@/lib/newsletter/links";
import { keyedHash, signToken, verifyToken } from "@/lib/signed-token";

/**
 * Changes one byte of the signature. (Changing the last base64url character is not enough:
 * its low bits carry no data, so some secrets give the same bytes and the test would pass or
 * fail by chance.)
 */
function tamperSignature(token: string): string {
  const [payload, signature] = token.split(".") as [string, string];
  const bytes = Buffer.from(signature, "base64url");
  bytes[0] = bytes[0]! ^ 0x01;
  return `${payload}.${bytes.toString("base64url")}`;
}

describe("signed tokens", () => {
  it("round-trips, and refuses tampering, forgery and use for another purpose", () => {
    const token = signToken("preferences", { s: "abc" });
    expect(verifyToken("preferences", token)).toEqual({ s: "abc" });
    const [payload, signature] = token.split(".");
    const otherPayload = Buffer.from(JSON.stringify({ s: "someone-else" })).toString("base64url");
    expect(verifyToken("preferences", `${otherPayload}.${signature}`)).toBeNull();
    expect(verifyToken("preferences", `${payload}.${"A".repeat(43)}`)).toBeNull();
    expect(verifyToken("unsubscribe", token)).toBeNull();
    expect(verifyToken("preferences", tamperSignature(token))).toBeNull();
    for (const junk of ["", "abc", "a.b", `${token}x`, "%%%.%%%", "x".repeat(5000)]) expect(verifyToken("preferences", junk)).toBeNull();
  });

  it("keeps a preferences link from working as an unsubscribe link", () => {
    const id = "4f0c2c9e-8d5a-4b7e-9a57-2a4b6f1c9d10";
    expect(readSubscriberToken("preferences", subscriberToken("preferences", id))).toBe(id);
    expect(readSubscriberToken("unsubscribe", subscriberToken("preferences", id))).toBeNull();
  });

  it("builds RFC 8058 headers that point at the one-click URL", () => {
    const headers = listUnsubscribeHeaders("4f0c2c9e-8d5a-4b7e-9a57-2a4b6f1c9d10");
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = headers["List-Unsubscribe"]!.match(/^<(https?:\/\/[^>]+\/unsubscribe\/([^>]+))>$/);
    expect(url).not.toBeNull();
    expect(readSubscriberToken("unsubscribe", url![2]!)).toBe("4f0c2c9e-8d5a-4b7e-9a57-2a4b6f1c9d10");
  });

  it("hashes with a key, so equal inputs match and the input cannot be read back", () => {
    expect(keyedHash("suppression", "a@example.com")).toBe(keyedHash("suppression", "a@example.com"));
    expect(keyedHash("suppression", "a@example.com")).not.toBe(keyedHash("client", "a@example.com"));
    expect(keyedHash("suppression", "a@example.com")).not.toContain("example");
  });
});

describe("email change confirmation", () => {
  it("names the account, both addresses and expires after a day", () => {
    const now = Date.UTC(2026, 10, 1);
    const token = emailChangeToken("user-1", "old@example.com", "new@example.com", now);
    expect(readEmailChangeToken(token, now + 3_600_000)).toEqual({ userId: "user-1", from: "old@example.com", to: "new@example.com", expired: false });
    expect(readEmailChangeToken(token, now + 25 * 3_600_000)?.expired).toBe(true);
    expect(readEmailChangeToken(tamperSignature(token), now)).toBeNull();
  });
});

describe("return paths after sign-in", () => {
  it("only ever sends people to a path on this site", () => {
    expect(safeReturnPath("/account/orders", "/account")).toBe("/account/orders");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/ok\nx"]) expect(safeReturnPath(bad, "/account")).toBe("/account");
  });
});
