import { describe, expect, it } from "vitest";
import type { VariantDto } from "@/db/queries/catalog";
import { optionValues, selectVariant, variantForChoice, variantTitle } from "@/lib/catalog/variants";

const v = (sku: string, options: Record<string, string>, stock: number): VariantDto => ({
  id: sku.length,
  sku,
  options,
  price: 1000,
  compareAtPrice: null,
  currency: "GBP",
  stock,
});

const variants = [
  v("SH-SAND-S", { Colour: "Sand", Size: "S" }, 0),
  v("SH-SAND-M", { Colour: "Sand", Size: "M" }, 4),
  v("SH-MOSS-S", { Colour: "Moss", Size: "S" }, 2),
  v("SH-MOSS-M", { Colour: "Moss", Size: "M" }, 0),
];

describe("variant selection", () => {
  it("uses the SKU in the URL, case-insensitively", () => {
    expect(selectVariant(variants, "sh-moss-m")).toEqual({ variant: variants[3], requestedMissing: false });
  });
  it("falls back to the first variant in stock and says the requested one is missing", () => {
    expect(selectVariant(variants, null)).toEqual({ variant: variants[1], requestedMissing: false });
    expect(selectVariant(variants, "GONE")).toEqual({ variant: variants[1], requestedMissing: true });
  });
  it("keeps the other choices when one option changes", () => {
    expect(variantForChoice(variants, variants[1]!, "Colour", "Moss")?.sku).toBe("SH-MOSS-M");
    expect(variantForChoice(variants, variants[2]!, "Size", "M")?.sku).toBe("SH-MOSS-M");
  });
  it("lists option values in catalogue order without repeats", () => {
    expect(optionValues(variants, "Colour")).toEqual(["Sand", "Moss"]);
  });
});

describe("variant titles", () => {
  it("follow the product's option order, whatever order the object has", () => {
    expect(variantTitle(["Colour", "Size"], { Size: "M", Colour: "Moss" })).toBe("Moss / M");
    expect(variantTitle(["Colour"], { Colour: "Moss", Extra: "x" })).toBe("Moss / x");
    expect(variantTitle([], {})).toBe("");
  });
});
