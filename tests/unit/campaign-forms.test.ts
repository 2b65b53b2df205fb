import { describe, expect, it } from "vitest";
import { campaignStatusText, describeTimeLeft, percentDone } from "@/components/admin/campaigns/wording";
import { instantToZonedTime, scheduleCampaignSchema, zonedTimeToInstant } from "@/lib/validations/campaign";
import { segmentCountQuerySchema, segmentFormSchema, segmentFormValues } from "@/lib/validations/segment";

const id = "6a1f1f8e-0b6c-4a54-9d55-1d2f1c0b9a01";

describe("a scheduled time in the shop's time zone", () => {
  it("is the instant that wall-clock time happens in London, summer and winter", () => {
    expect(zonedTimeToInstant("2026-07-01T09:30", "Europe/London")?.toISOString()).toBe("2026-07-01T08:30:00.000Z");
    expect(zonedTimeToInstant("2026-12-01T09:30", "Europe/London")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    // The morning the clocks go back (25 Oct 2026, 02:00 BST → 01:00 GMT): after the change.
    expect(zonedTimeToInstant("2026-10-25T03:00", "Europe/London")?.toISOString()).toBe("2026-10-25T03:00:00.000Z");
    expect(zonedTimeToInstant("2026-02-30T09:00", "Europe/London")).toBeNull();
    expect(zonedTimeToInstant("tomorrow", "Europe/London")).toBeNull();
  });

  it("reads back as the same wall-clock time", () => {
    const at = zonedTimeToInstant("2026-07-01T09:30", "Europe/London")!;
    expect(instantToZonedTime(at, "Europe/London")).toBe("2026-07-01T09:30");
  });

  it("must be in the future and within a year", () => {
    const soon = instantToZonedTime(new Date(Date.now() + 3600_000), "Europe/London");
    expect(scheduleCampaignSchema.safeParse({ id, sendAt: soon }).success).toBe(true);
    expect(scheduleCampaignSchema.safeParse({ id, sendAt: "2020-01-01T09:00" }).success).toBe(false);
    const far = instantToZonedTime(new Date(Date.now() + 400 * 24 * 3600_000), "Europe/London");
    expect(scheduleCampaignSchema.safeParse({ id, sendAt: far }).success).toBe(false);
  });
});

describe("the segment editor's fields", () => {
  const fields = { name: "Buyers", topics: [], sources: [], otherSources: "", signedUpFrom: "", signedUpTo: "", purchase: "none", purchaseDays: "", purchaseCollectionId: "" };

  it("become the rules the audience query reads", () => {
    const parsed = segmentFormSchema.parse({ ...fields, topics: ["newsletter:offers"], sources: ["footer"], otherSources: "utm:instagram, utm:pinterest", purchase: "bought-from-collection", purchaseCollectionId: "3" });
    expect(parsed.rules).toEqual({ topics: ["newsletter:offers"], sources: ["footer", "utm:instagram", "utm:pinterest"], purchase: { kind: "bought-from-collection", collectionId: 3 } });
    // A purchase rule's number is only read for that rule.
    expect(segmentFormSchema.parse({ ...fields, purchaseDays: "nonsense" }).rules).toEqual({ topics: [], sources: [] });
  });

  it("refuse a topic that is not a newsletter topic and a source that is not a word", () => {
    expect(segmentFormSchema.safeParse({ ...fields, topics: ["personalisation"] }).success).toBe(false);
    expect(segmentCountQuerySchema.safeParse({ ...fields, otherSources: "<script>" }).success).toBe(false);
  });

  it("round-trip: a saved segment opens with the fields it was saved from", () => {
    const rules = segmentFormSchema.parse({ ...fields, sources: ["footer"], otherSources: "utm:instagram", signedUpFrom: "2026-01-01", purchase: "not-ordered-in-days", purchaseDays: "60" }).rules;
    const values = segmentFormValues("Buyers", rules, ["footer", "newsletter-page"]);
    expect(segmentFormSchema.parse(values).rules).toEqual(rules);
    expect(values.otherSources).toBe("utm:instagram");
  });
});

describe("a campaign's state in the list", () => {
  it("says when a scheduled one goes and how far a sending one is, never 100% while someone waits", () => {
    expect(campaignStatusText({ status: "scheduled", scheduledAt: new Date("2026-12-01T09:30:00Z"), recipients: 0, done: 0 })).toBe("Scheduled for 1 Dec 2026, 09:30");
    expect(campaignStatusText({ status: "sending", scheduledAt: null, recipients: 200, done: 84 })).toBe("Sending 42%");
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(0, 0)).toBe(0);
    expect(describeTimeLeft(null)).toBe("Not known yet");
    expect(describeTimeLeft(4000)).toBe("About 1 h 7 min");
  });
});
