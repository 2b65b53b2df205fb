import { describe, expect, it } from "vitest";
import type { ProductSnapshot } from "@/db/queries/admin-products";
import { type CsvProductRow, productRowToRecord, productCsvColumns, restoreFormulaText, validateProductRecords } from "@/lib/catalog/csv";
import { expiryFor } from "@/lib/catalog/product-expiry";
import { isStorageKey } from "@/lib/storage";
import { formatMoneyInput, parseMoneyInput, readProductForm } from "@/lib/validations/product";

describe("money typed by a merchant", () => {
  it("is stored in minor units, with as many decimals as the currency has", () => {
    expect(parseMoneyInput("12.50", "GBP")).toBe(1250);
    expect(parseMoneyInput("12.5", "GBP")).toBe(1250);
    expect(parseMoneyInput("12", "GBP")).toBe(1200);
    expect(parseMoneyInput("0.07", "GBP")).toBe(7);
    expect(parseMoneyInput("1200", "JPY")).toBe(1200);
    // Yen has no minor unit: a fraction is refused, not rounded.
    expect(parseMoneyInput("12.5", "JPY")).toBeNull();
    expect(parseMoneyInput("12.505", "GBP")).toBeNull();
    expect(parseMoneyInput("-3", "GBP")).toBeNull();
    expect(parseMoneyInput("12,50", "GBP")).toBeNull();
    expect(parseMoneyInput("1e3", "GBP")).toBeNull();
  });

  it("is shown back exactly as it parses", () => {
    for (const amount of [0, 7, 1250, 99_999_99]) expect(parseMoneyInput(formatMoneyInput(amount, "GBP"), "GBP")).toBe(amount);
    expect(formatMoneyInput(1250, "GBP")).toBe("12.50");
    expect(formatMoneyInput(1200, "JPY")).toBe("1200");
  });
});

const validForm = {
  title: "Oak board",
  slug: "oak-board",
  summary: "",
  description: "",
  materials: "",
  care: "",
  status: "draft",
  collections: [],
  optionNames: ["Size"],
  "variants.0.sku": "OAK-S",
  "variants.0.price": "24.00",
  "variants.0.stock": "3",
  "variants.0.options.0": "Small",
  "variants.1.sku": "OAK-L",
  "variants.1.price": "34",
  "variants.1.compareAt": "40",
  "variants.1.stock": "0",
  "variants.1.options.0": "Large",
};

describe("the product form", () => {
  it("reads variants in order, with prices in minor units", () => {
    const result = readProductForm(validForm, "GBP");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.variants).toEqual([
      { sku: "OAK-S", price: 2400, compareAt: null, stock: 3, stockRead: null, options: ["Small"] },
      { sku: "OAK-L", price: 3400, compareAt: 4000, stock: 0, stockRead: null, options: ["Large"] },
    ]);
  });

  it("reports every problem at once, each under its own field", () => {
    const result = readProductForm(
      {
        ...validForm,
        title: " ",
        slug: "Oak Board!",
        status: "sold",
        "variants.0.price": "12.345",
        "variants.1.sku": "oak-s",
        "variants.1.compareAt": "30",
        "variants.1.stock": "-2",
        "variants.1.options.0": "",
      },
      "GBP",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["slug", "status", "title", "variants.0.price", "variants.1.compareAt", "variants.1.options.0", "variants.1.sku", "variants.1.stock"].sort());
    expect(result.fieldErrors["variants.1.sku"]).toEqual(["Variant 1 already uses this SKU."]);
  });

  it("refuses a compare-at price that is not above the price, and several variants without an option", () => {
    const result = readProductForm({ ...validForm, optionNames: [], "variants.1.compareAt": "34" }, "GBP");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors["variants.1.compareAt"]).toBeTruthy();
    expect(result.fieldErrors.optionNames).toBeTruthy();
  });
});

const header = [...productCsvColumns];
const baseRow: CsvProductRow = {
  slug: "oak-board",
  title: "Oak board",
  status: "published",
  summary: "Cut from one piece",
  description: "Line one,\n\"quoted\" line two",
  materials: "Oak",
  care: "Oil monthly",
  collections: ["kitchen"],
  optionNames: ["Size"],
  sku: "OAK-S",
  optionValues: ["Small"],
  price: 2400,
  compareAt: null,
  currency: "GBP",
  stock: 3,
};
const record = (changes: Partial<Record<(typeof productCsvColumns)[number], string>> = {}) => ({
  ...productRowToRecord(baseRow),
  ...changes,
});

describe("the product CSV", () => {
  it("exports typed text that looks like a formula as text, and reads it back unchanged", () => {
    const exported = productRowToRecord({ ...baseRow, title: '=HYPERLINK("http://evil.example","Click")', summary: "-20% this week" });
    expect(exported.title).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(exported.summary).toBe("'-20% this week");
    expect(exported.price).toBe("24.00");
    expect(restoreFormulaText(exported.title)).toBe('=HYPERLINK("http://evil.example","Click")');
    // An apostrophe the merchant typed themselves stays.
    expect(restoreFormulaText("'Tis the season")).toBe("'Tis the season");
  });

  it("groups rows into products with their variants", () => {
    const result = validateProductRecords(header, [record(), record({ sku: "OAK-L", option_values: "Large", price: "34.00" })], "GBP");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.products).toHaveLength(1);
    expect(result.products[0]!.variants.map((v) => [v.sku, v.price, v.row])).toEqual([
      ["OAK-S", 2400, 2],
      ["OAK-L", 3400, 3],
    ]);
  });

  it("names the row and column of every problem", () => {
    const result = validateProductRecords(
      header,
      [record(), record({ sku: "OAK-L", option_values: "Large", price: "cheap", title: "Other title" }), record({ slug: "jug", sku: "OAK-S", currency: "EUR", stock: "1.5" })],
      "GBP",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.row}:${i.column}`).sort()).toEqual(["3:price", "4:currency", "4:stock"].sort());
    // Once row 3 parses, its title would also be reported against row 2.
    const fixed = validateProductRecords(header, [record(), record({ sku: "OAK-L", option_values: "Large", title: "Other title" })], "GBP");
    expect(fixed.ok ? [] : fixed.issues.map((i) => `${i.row}:${i.column}`)).toEqual(["3:title"]);
  });

  it("refuses a file whose header is missing a column or has an unknown one", () => {
    const result = validateProductRecords([...header.filter((c) => c !== "stock"), "colour"], [record()], "GBP");
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(["This column is missing from the header.", "Unknown column “colour”."]);
  });
});

function snapshot(changes: Partial<ProductSnapshot> = {}): ProductSnapshot {
  return {
    id: 1,
    slug: "oak-board",
    title: "Oak board",
    summary: "",
    description: "",
    materials: "",
    care: "",
    status: "published",
    rebuyAfterDays: null,
    optionNames: [],
    featured: false,
    collections: ["kitchen"],
    variants: [{ id: 1, sku: "OAK", options: {}, price: 2400, compareAt: null, stock: 3 }],
    ...changes,
  };
}

describe("which cached pages a product change expires", () => {
  it("none while a draft stays a draft", () => {
    expect(expiryFor({ before: snapshot({ status: "draft" }), after: snapshot({ status: "draft", title: "New" }) })).toEqual({ tags: [], forgetRouteIndex: false });
  });

  it("publishing: its page, its collections, the lists, and the route index learns the URL", () => {
    const result = expiryFor({ before: snapshot({ status: "draft" }), after: snapshot() });
    expect(result.tags).toEqual(["collection:kitchen", "collections", "featured-products", "product:oak-board", "search"]);
    expect(result.forgetRouteIndex).toBe(true);
  });

  it("a slug change expires the old and the new page and both collections on a move", () => {
    const result = expiryFor({ before: snapshot(), after: snapshot({ slug: "oak-board-large", collections: ["gifts"] }) });
    expect(result.tags).toEqual(expect.arrayContaining(["product:oak-board", "product:oak-board-large", "collection:kitchen", "collection:gifts", "collections"]));
    expect(result.forgetRouteIndex).toBe(true);
  });

  it("a stock or wording change keeps the route index (no URL appears or disappears)", () => {
    const result = expiryFor({ before: snapshot(), after: snapshot({ title: "Oak board, large", variants: [{ id: 1, sku: "OAK", options: {}, price: 2400, compareAt: null, stock: 9 }] }) });
    expect(result.forgetRouteIndex).toBe(false);
    expect(result.tags).not.toContain("collections");
    expect(result.tags).toContain("product:oak-board");
  });
});

describe("storage keys", () => {
  it("are only the names the shop generates: no path can reach the disk", () => {
    expect(isStorageKey("products/0123456789abcdef0123456789abcdef.webp")).toBe(true);
    for (const key of ["../package.json", "products/../../etc/passwd", "/etc/passwd", "products/0123456789abcdef0123456789abcdef.webp/..", "products\\x.webp", "products/ABC.webp", ""]) {
      expect(isStorageKey(key), key).toBe(false);
    }
  });
});
