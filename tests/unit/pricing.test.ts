import { describe, expect, it } from "vitest";
import { computeTotals, discountAmount, shippingAmount } from "@/lib/checkout/pricing";

const standard = { amount: 495, freeOver: 6000 };

describe("order totals", () => {
  it("adds lines, then shipping, with tax included in UK prices", () => {
    const t = computeTotals({ lines: [{ unitPrice: 2200, quantity: 2 }], discount: null, shipping: standard, taxRate: 0.2, pricesIncludeTax: true });
    expect(t).toEqual({ subtotal: 4400, discount: 0, shipping: 495, tax: 816, total: 4895 });
  });

  it("adds tax on top when prices exclude it", () => {
    const t = computeTotals({ lines: [{ unitPrice: 1000, quantity: 3 }], discount: null, shipping: { amount: 500, freeOver: null }, taxRate: 0.2, pricesIncludeTax: false });
    expect(t).toEqual({ subtotal: 3000, discount: 0, shipping: 500, tax: 700, total: 4200 });
  });

  it("ships free over the threshold, judged after the discount", () => {
    expect(shippingAmount(6000, standard)).toBe(0);
    expect(shippingAmount(5999, standard)).toBe(495);
    const t = computeTotals({ lines: [{ unitPrice: 6500, quantity: 1 }], discount: { kind: "percent", value: 10 }, shipping: standard, taxRate: 0.2, pricesIncludeTax: true });
    expect(t.discount).toBe(650);
    expect(t.shipping).toBe(495);
  });

  it("never discounts more than the subtotal or less than nothing", () => {
    expect(discountAmount(1000, { kind: "fixed", value: 5000 })).toBe(1000);
    expect(discountAmount(1000, { kind: "percent", value: 100 })).toBe(1000);
    expect(discountAmount(999, { kind: "percent", value: 15 })).toBe(149);
    expect(discountAmount(1000, null)).toBe(0);
  });

  it("keeps every figure a whole number of pence", () => {
    const t = computeTotals({ lines: [{ unitPrice: 333, quantity: 7 }], discount: { kind: "percent", value: 33 }, shipping: standard, taxRate: 0.2, pricesIncludeTax: true });
    for (const value of Object.values(t)) expect(Number.isInteger(value)).toBe(true);
    expect(t.total).toBe(t.subtotal - t.discount + t.shipping);
  });
});
