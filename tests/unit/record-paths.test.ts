import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMalformedRecordPath, recordPages } from "@/lib/http/record-paths";

const root = path.resolve(import.meta.dirname, "../..");

describe("record pages with a malformed id", () => {
  it("are told apart from the fixed pages beside them, which are all listed", () => {
    for (const page of recordPages) {
      const dir = path.join(root, "app", page.path);
      const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
      expect(entries.map((e) => e.name), `${page.path} has one [id] folder`).toContain("[id]");
      const siblings = entries.map((e) => e.name).filter((name) => name !== "[id]" && !/^[(_]/.test(name));
      expect([...siblings].sort(), `${page.path}: every fixed page beside the record is listed in lib/http/record-paths.ts`).toEqual([...page.siblings].sort());
      for (const sibling of page.siblings) expect(isMalformedRecordPath(`${page.path}/${sibling}`), `${page.path}/${sibling}`).toBe(false);
    }
  });

  it("are a 404 for ids no record can have, and left to the page for well-formed ones", () => {
    expect(isMalformedRecordPath("/admin/orders/junk")).toBe(true);
    expect(isMalformedRecordPath("/admin/orders/00000000-0000-4000-8000-000000000000")).toBe(false);
    expect(isMalformedRecordPath("/account/orders/%ff")).toBe(true);
    expect(isMalformedRecordPath("/admin/products/12")).toBe(false);
    expect(isMalformedRecordPath("/admin/products/12x")).toBe(true);
    expect(isMalformedRecordPath("/admin/marketing/links/0")).toBe(true);
    expect(isMalformedRecordPath("/admin/customers/a%20b")).toBe(true);
  });

  it("leave the route handlers below a record to answer for themselves (401/403 first)", () => {
    expect(isMalformedRecordPath("/admin/marketing/campaigns/1/progress")).toBe(false);
    expect(isMalformedRecordPath("/admin/customers/x y/export")).toBe(false);
    expect(isMalformedRecordPath("/admin/orders")).toBe(false);
    expect(isMalformedRecordPath("/products/junk")).toBe(false);
  });
});
