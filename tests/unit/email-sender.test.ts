import { describe, expect, it } from "vitest";
import { fromHeader, senderAddressAllowed, verifiedSenderDomain } from "@/lib/email/sender";

/** The From line: the merchant's name, an address only on the domain the deployment sends from. */
describe("the email sender", () => {
  it("uses the saved name and address when the address is on EMAIL_FROM's domain", () => {
    const from = "Shop <hello@shop.example>";
    expect(senderAddressAllowed("orders@Shop.example", from)).toBe(true);
    expect(fromHeader({ senderName: "Ember & Oak", senderEmail: "orders@shop.example" }, from)).toBe("Ember & Oak <orders@shop.example>");
  });

  it("falls back to EMAIL_FROM's address for a saved address on another domain, so sign-in links still arrive", () => {
    const from = "hello@shop.example";
    expect(verifiedSenderDomain(from)).toBe("shop.example");
    expect(senderAddressAllowed("hello@emberandoak.example", from)).toBe(false);
    expect(senderAddressAllowed("hello@shop.example.evil.example", from)).toBe(false);
    expect(fromHeader({ senderName: "Ember & Oak", senderEmail: "hello@emberandoak.example" }, from)).toBe("Ember & Oak <hello@shop.example>");
  });
});
