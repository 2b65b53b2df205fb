import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readForm } from "@/lib/forms";
import { addressSchema } from "@/lib/validations/address";
import { newsletterSignupSchema } from "@/lib/validations/newsletter";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("reading a form for an action", () => {
  const bulk = z.object({ ids: z.array(z.coerce.number().int()).min(1, "Choose at least one."), status: z.enum(["published", "archived"]) });

  it("keeps every ticked box of a checkbox list, not just the last one", () => {
    const input = readForm(bulk, form([["ids", "3"], ["ids", "7"], ["ids", "9"], ["status", "archived"]]));
    expect(bulk.parse(input)).toEqual({ ids: [3, 7, 9], status: "archived" });
  });

  it("gives a list field one entry as a list, and none as an empty list that the schema can refuse", () => {
    expect(bulk.parse(readForm(bulk, form([["ids", "4"], ["status", "published"]])))).toEqual({ ids: [4], status: "published" });
    const none = bulk.safeParse(readForm(bulk, form([["status", "published"]])));
    expect(none.success).toBe(false);
    expect(none.error && z.flattenError(none.error).fieldErrors.ids).toEqual(["Choose at least one."]);
  });

  it("refuses a repeated single-value field instead of silently keeping one of the values", () => {
    const input = readForm(bulk, form([["ids", "1"], ["status", "published"], ["status", "archived"]]));
    expect(bulk.safeParse(input).success).toBe(false);
  });

  it("reads schemas wrapped in transforms (the newsletter form) and skips React's own fields", () => {
    const input = readForm(newsletterSignupSchema, form([["$ACTION_KEY", "k"], ["email", "A@Example.com"], ["source", "footer"], ["newsletter:offers", "yes"]]));
    expect(input).not.toHaveProperty("$ACTION_KEY");
    expect(newsletterSignupSchema.parse(input)).toEqual({ email: "a@example.com", source: "footer", topics: ["newsletter:offers"] });
  });

  it("treats a field named __proto__ as a field, not as the object's prototype", () => {
    const data = form([["name", "Ada"], ["__proto__", "x"]]);
    data.append("line1", new File(["x"], "x.txt"));
    const input = readForm(addressSchema, data)!;
    expect(Object.getPrototypeOf(input)).toBeNull();
    expect(input.__proto__).toBe("x");
    expect(() => addressSchema.safeParse(input)).not.toThrow();
    expect(addressSchema.safeParse(input).success).toBe(false);
  });

  it("is null for anything that is not a form, such as a plain object sent by a script", () => {
    expect(readForm(bulk, { ids: [1], status: "published" })).toBeNull();
    expect(readForm(bulk, null)).toBeNull();
    expect(readForm(bulk, "ids=1")).toBeNull();
  });

  it("refuses control characters such as NUL in names and addresses, which PostgreSQL cannot store", () => {
    const base = { name: "Ada", line1: "1 Road", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };
    for (const field of ["name", "line1", "line2", "city"] as const) {
      const result = addressSchema.safeParse({ ...base, [field]: `Ad\u0000a` });
      expect(result.success, field).toBe(false);
      expect(result.error && z.flattenError(result.error).fieldErrors[field]).toEqual(["Remove the unusual characters from this field."]);
    }
    expect(addressSchema.safeParse(base).success).toBe(true);
  });

  it("says one thing about an empty postcode, now that every error of a field is shown", () => {
    const result = addressSchema.safeParse({ name: "Ada", line1: "1 Road", city: "Leeds", postalCode: " ", country: "GB" });
    expect(result.error && z.flattenError(result.error).fieldErrors.postalCode).toEqual(["Enter your postcode."]);
  });
});
