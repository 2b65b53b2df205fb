import { describe, expect, it } from "vitest";
import { auditChanges, auditRecordHref } from "@/components/admin/audit/audit-diff";

describe("an audit entry's before/after as the log shows it", () => {
  it("lists only fields that differ, each side as short text", () => {
    expect(auditChanges({ contactPhone: "", taxRateBasisPoints: 2000, shopName: "Oak" }, { contactPhone: "+44 1", taxRateBasisPoints: 2000, shopName: "Ember" })).toEqual([
      { field: "contactPhone", before: "(empty)", after: "+44 1" },
      { field: "shopName", before: "Oak", after: "Ember" },
    ]);
  });

  it("shows a field only one side has, and long values cut short", () => {
    const long = "x".repeat(200);
    const [change] = auditChanges(null, { note: long });
    expect(change).toEqual({ field: "note", before: null, after: expect.stringMatching(/^x{79}…$/) });
    expect(auditChanges({ role: "staff" }, { role: null })).toEqual([{ field: "role", before: "staff", after: "—" }]);
  });

  it("treats a bare value as one field and nothing as no changes", () => {
    expect(auditChanges(3, 5)).toEqual([{ field: "value", before: "3", after: "5" }]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("links records that have an admin page, and only those", () => {
    expect(auditRecordHref("order", "H-10042")).toBe("/admin/orders/H-10042");
    expect(auditRecordHref("user", "a b")).toBe("/admin/customers/a%20b");
    expect(auditRecordHref("webhook", "1")).toBeNull();
  });
});
