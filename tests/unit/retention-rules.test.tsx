import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RetentionPeriods } from "@/components/shop/retention-periods";
import { personalDataInventory } from "@/db/personal-data";
import { SESSION_MAX_AGE_DAYS, SIGN_IN_LINK_MINUTES } from "@/lib/auth/constants";
import { BACK_IN_STOCK_CONFIRMATION_DAYS } from "@/lib/back-in-stock/wording";
import { CART_COOKIE_DAYS } from "@/lib/cart/cookies";
import { CONFIRMATION_HOURS } from "@/lib/newsletter/confirmation";
import { collectedData } from "@/lib/privacy/notice";
import { formatRetentionPeriod, retentionRule, retentionRules } from "@/lib/privacy/retention";

describe("the retention rules", () => {
  it("give every rule a unique id, a real table, a positive whole period and words for shoppers", () => {
    expect(new Set(retentionRules.map((r) => r.id)).size).toBe(retentionRules.length);
    for (const rule of retentionRules) {
      expect(Object.keys(personalDataInventory), rule.id).toContain(rule.table);
      expect(Number.isInteger(rule.period.amount) && rule.period.amount > 0, rule.id).toBe(true);
      expect(rule.what.length, rule.id).toBeGreaterThan(10);
      expect(rule.after, rule.id).toMatch(/^(after|without) /);
      expect(rule.covers.length, rule.id).toBeGreaterThan(5);
    }
  });

  it("never cover what must be kept: orders, the consent ledger, suppressions, the audit log", () => {
    const tables = retentionRules.map((r) => r.table as string);
    for (const kept of ["orders", "order_items", "order_events", "consent_events", "suppressions", "audit_log", "users", "subscribers"]) expect(tables).not.toContain(kept);
  });

  it("keep tokens and carts exactly as long as the code that issues them lets them work", () => {
    expect(retentionRule("sessions").period).toEqual({ amount: SESSION_MAX_AGE_DAYS, unit: "days" });
    expect(retentionRule("sign-in-links").period).toEqual({ amount: SIGN_IN_LINK_MINUTES, unit: "minutes" });
    expect(retentionRule("newsletter-confirmations").period).toEqual({ amount: CONFIRMATION_HOURS, unit: "hours" });
    expect(retentionRule("back-in-stock-unconfirmed").period).toEqual({ amount: BACK_IN_STOCK_CONFIRMATION_DAYS, unit: "days" });
    expect(retentionRule("guest-carts").period).toEqual({ amount: CART_COOKIE_DAYS, unit: "days" });
    // Salts: the 48 hours, or yesterday's visitor could be linked to today's.
    expect(retentionRule("analytics-salts").period).toEqual({ amount: 48, unit: "hours" });
  });

  it("refuse a rate limit that would read further back than its hits are kept", async () => {
    const { checkRateLimit, rateLimitBuckets } = await import("@/lib/privacy/rate-limit");
    const week = { bucket: rateLimitBuckets.signInAddress, key: "someone@example.com", limit: 5, windowMinutes: 7 * 24 * 60 };
    await expect(checkRateLimit([week])).rejects.toThrow(/kept for 1440/);
  });

  it("say periods in plain words", () => {
    expect(formatRetentionPeriod({ amount: 13, unit: "months" })).toBe("13 months");
    expect(formatRetentionPeriod({ amount: 1, unit: "days" })).toBe("1 day");
    expect(formatRetentionPeriod({ amount: 1, unit: "hours" })).toBe("1 hour");
    expect(formatRetentionPeriod({ amount: 30, unit: "minutes" })).toBe("30 minutes");
  });
});

describe("the privacy notice's retention section", () => {
  const html = renderToStaticMarkup(<RetentionPeriods rules={retentionRules} />);
  const text = html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"');

  it("shows every rule with its period, in the order of the list", () => {
    expect(html).toContain("How long we keep things");
    let from = 0;
    for (const rule of retentionRules) {
      const line = `${rule.what}Deleted ${formatRetentionPeriod(rule.period)} ${rule.after}.`;
      const at = text.indexOf(line, from);
      expect(at, rule.id).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
  });

  it("agrees with the notice's own lines about the email log and abuse limits", () => {
    const kept = (what: RegExp) => collectedData.find((d) => what.test(d.what))!.kept;
    expect(kept(/record of each email/)).toBe(`${formatRetentionPeriod(retentionRule("email-log").period)}.`);
    expect(kept(/scrambled fingerprint/)).toBe(`${formatRetentionPeriod(retentionRule("rate-limit-hits").period)}.`);
  });
});
