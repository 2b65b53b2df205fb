import { describe, expect, it } from "vitest";
import { formatMoney, formatPriceRange, minorUnitDigits, parseMajorUnits } from "@/lib/money";

describe("money", () => {
  it("formats pence as pounds in the shop locale", () => {
    expect(formatMoney({ amount: 2400, currency: "GBP" })).toBe("£24.00");
    expect(formatMoney({ amount: 5, currency: "GBP" })).toBe("£0.05");
    expect(formatMoney({ amount: 123456789, currency: "GBP" })).toBe("£1,234,567.89");
  });

  it("respects currencies without minor units", () => {
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(formatMoney({ amount: 1500, currency: "JPY" }, "en-GB")).toBe("JP¥1,500");
  });

  it("formats in other locales", () => {
    expect(formatMoney({ amount: 1999, currency: "EUR" }, "de-DE")).toBe("19,99\u00a0€");
  });

  it("refuses fractional minor units rather than rounding silently", () => {
    expect(() => formatMoney({ amount: 10.5, currency: "GBP" })).toThrow(TypeError);
  });

  it("parses what a shopper types in major units", () => {
    expect(parseMajorUnits("12", "GBP")).toBe(1200);
    expect(parseMajorUnits(" 12.5 ", "GBP")).toBe(1250);
    expect(parseMajorUnits("0.01", "GBP")).toBe(1);
    expect(parseMajorUnits("abc", "GBP")).toBeNull();
    expect(parseMajorUnits("-3", "GBP")).toBeNull();
    expect(parseMajorUnits("1e9", "GBP")).toBeNull();
    expect(parseMajorUnits("12.345", "GBP")).toBeNull();
    expect(parseMajorUnits(undefined, "GBP")).toBeNull();
  });

  it("shows a range only when prices differ", () => {
    expect(formatPriceRange({ amount: 1000, currency: "GBP" }, { amount: 1000, currency: "GBP" })).toBe("£10.00");
    expect(formatPriceRange({ amount: 1000, currency: "GBP" }, { amount: 2500, currency: "GBP" })).toBe("£10.00 – £25.00");
  });
});
