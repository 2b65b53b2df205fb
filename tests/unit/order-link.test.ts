import { describe, expect, it } from "vitest";
import { orderPath, orderToken, verifyOrderToken } from "@/lib/orders/order-link";

const id = "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c";

describe("signed order links", () => {
  it("accept the token made for that order", () => {
    expect(verifyOrderToken(id, orderToken(id))).toBe(true);
    expect(orderPath(id)).toBe(`/orders/${id}?token=${orderToken(id)}`);
  });

  it("refuse a token for another order, a tampered one, or none", () => {
    const other = "3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2d";
    expect(verifyOrderToken(other, orderToken(id))).toBe(false);
    const token = orderToken(id);
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect(verifyOrderToken(id, tampered)).toBe(false);
    expect(verifyOrderToken(id, null)).toBe(false);
    expect(verifyOrderToken(id, "")).toBe(false);
    expect(verifyOrderToken(id, "x".repeat(500))).toBe(false);
  });
});
