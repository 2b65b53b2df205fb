import { describe, expect, it } from "vitest";
import { decideDiscount, normaliseDiscountCode, type DiscountCodeRecord } from "@/lib/checkout/discount-rule";

const now = new Date("2026-11-23T12:00:00Z");
const code: DiscountCodeRecord = {
  code: "WELCOME10",
  kind: "percent",
  value: 10,
  currency: "GBP",
  minSubtotal: 2000,
  startsAt: null,
  expiresAt: null,
  usageLimit: null,
  usedCount: 0,
  active: true,
};
const order = { subtotal: 2500, currency: "GBP", now };

describe("the discount rule (one rule for the checkout preview and the order)", () => {
  it("applies a code that is active, current, unused up and within its minimum", () => {
    expect(decideDiscount("WELCOME10", code, order)).toEqual({ ok: true, discount: { kind: "percent", value: 10 } });
  });

  it("says why a code does not apply, in the shopper's words", () => {
    const refuse = (record: DiscountCodeRecord | null, o = order) => {
      const decision = decideDiscount("WELCOME10", record, o);
      return decision.ok ? "applies" : decision.message;
    };
    expect(refuse(null)).toBe("“WELCOME10” is not a code we recognise.");
    expect(refuse({ ...code, active: false })).toBe("“WELCOME10” is not a code we recognise.");
    expect(refuse({ ...code, expiresAt: new Date("2026-11-23T11:59:59Z") })).toBe("“WELCOME10” has expired.");
    expect(refuse({ ...code, startsAt: new Date("2026-11-24T00:00:00Z") })).toBe("“WELCOME10” is not active yet.");
    expect(refuse({ ...code, usageLimit: 3, usedCount: 3 })).toBe("“WELCOME10” has been used up.");
    expect(refuse({ ...code, currency: "EUR" })).toBe("“WELCOME10” cannot be used on this order.");
    expect(refuse(code, { ...order, subtotal: 1999 })).toBe("“WELCOME10” needs a subtotal of at least £20.00.");
    expect(refuse({ ...code, usageLimit: 3, usedCount: 2 })).toBe("applies");
  });

  it("reads codes in any case and refuses what cannot be a code before asking the database", () => {
    expect(normaliseDiscountCode("  welcome10 ")).toBe("WELCOME10");
    for (const bad of ["", "a b", "x".repeat(41), "CODE;DROP", "ŁÓDŹ"]) expect(normaliseDiscountCode(bad)).toBeNull();
  });
});
