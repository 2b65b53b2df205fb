import { describe, expect, it } from "vitest";
import { summariseDevice } from "@/lib/auth/device";
import { describeConsentEvent } from "@/lib/consent/history";
import { consentPurposes } from "@/lib/consent/purposes";
import { devMailboxEnabled } from "@/lib/dev-mailbox";
import { subscriptionReason } from "@/lib/newsletter/why";

describe("what people read about their data", () => {
  it("says why a marketing email arrived, with topic, date and where they subscribed", () => {
    expect(subscriptionReason([{ purpose: "newsletter:new-arrivals", at: new Date("2026-11-03T10:00:00Z"), source: "links-page" }])).toBe(
      "You subscribed to New arrivals on 3 Nov 2026 via the link page on our social profiles.",
    );
    expect(
      subscriptionReason([
        { purpose: "newsletter:new-arrivals", at: new Date("2026-11-03T10:00:00Z"), source: "checkout" },
        { purpose: "newsletter:offers", at: new Date("2026-11-05T10:00:00Z"), source: "newsletter-page" },
      ]),
    ).toBe("You subscribed to New arrivals on 3 Nov 2026 at checkout and to Offers and events on 5 Nov 2026 on the newsletter page.");
  });

  it("tells the history of a consent in plain sentences", () => {
    const at = new Date("2026-11-09T12:00:00Z");
    expect(describeConsentEvent({ action: "granted", method: "checkbox", source: "checkout", createdAt: new Date("2026-11-03T12:00:00Z") })).toBe("You agreed on 3 Nov 2026 at checkout.");
    expect(describeConsentEvent({ action: "withdrawn", method: "unsubscribe_page", source: "email-link", createdAt: at })).toBe("You withdrew on 9 Nov 2026 from an email link.");
    expect(describeConsentEvent({ action: "granted", method: "double_opt_in", source: "footer", createdAt: at })).toBe("You confirmed by email on 9 Nov 2026.");
  });

  it("gives every purpose a label, one-sentence meaning, versioned wording and retention", () => {
    for (const p of consentPurposes) {
      expect(p.description.trim().split(/(?<=\.)\s/)).toHaveLength(1);
      expect(p.wordingId).toMatch(/@\d{4}-\d{2}$/);
      expect(p.retention.length).toBeGreaterThan(5);
    }
    expect(new Set(consentPurposes.map((p) => p.id)).size).toBe(consentPurposes.length);
  });

  it("summarises a device without keeping its user agent", () => {
    expect(summariseDevice("Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0")).toBe("Firefox on Android");
    expect(summariseDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(summariseDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0")).toBe("Edge on Windows");
    expect(summariseDevice(null)).toBe("Unknown device");
  });

  it("opens the local mailbox only in development or the demo, and only for a local capture server", () => {
    expect(devMailboxEnabled({ NODE_ENV: "development", RESEND_BASE_URL: "http://127.0.0.1:3025" })).toBe(true);
    expect(devMailboxEnabled({ NODE_ENV: "production", RESEND_BASE_URL: "http://127.0.0.1:3025" })).toBe(false);
    expect(devMailboxEnabled({ NODE_ENV: "production", HEARTH_DEMO: "1", RESEND_BASE_URL: "http://127.0.0.1:3025" })).toBe(true);
    expect(devMailboxEnabled({ NODE_ENV: "development", RESEND_BASE_URL: "https://api.resend.com" })).toBe(false);
    expect(devMailboxEnabled({ NODE_ENV: "development" })).toBe(false);
  });
});
