import { describe, expect, it } from "vitest";
import { abuseLimits } from "@/lib/privacy/abuse-limits";
import { RATE_LIMIT_KEPT_MINUTES } from "@/lib/privacy/retention";

describe("the abuse limits", () => {
  it("read no further back than rate-limit hits are kept, and allow at least one attempt", () => {
    for (const [name, { limit, windowMinutes }] of Object.entries(abuseLimits)) {
      expect(windowMinutes, name).toBeLessThanOrEqual(RATE_LIMIT_KEPT_MINUTES);
      expect(Number.isInteger(limit) && limit >= 1, name).toBe(true);
    }
  });

  it("are stricter for staff addresses than for shoppers' (admin sign-in)", () => {
    expect(abuseLimits.staffSignInPerAddress.limit).toBeLessThan(abuseLimits.signInPerAddress.limit);
    expect(abuseLimits.staffSignInPerClient.limit).toBeLessThan(abuseLimits.signInPerClient.limit);
  });

  it("let a shopper retry checkout and mistype a code a few times", () => {
    expect(abuseLimits.checkoutPerCart.limit).toBeGreaterThanOrEqual(10);
    expect(abuseLimits.discountGuessesPerCart.limit).toBeGreaterThanOrEqual(5);
    expect(abuseLimits.discountGuessesPerCart.limit).toBeLessThanOrEqual(abuseLimits.discountGuessesPerClient.limit);
  });
});
