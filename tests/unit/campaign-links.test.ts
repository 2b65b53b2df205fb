import { describe, expect, it } from "vitest";
import { bodyLinkUrls, readTrackedLink, trackBodyLinks, trackedLinkUrl, trackTextLinks } from "@/lib/marketing/click-links";
import { segmentRulesSchema } from "@/lib/marketing/segment-rules";
import { readSubscriberToken, readSubscriberTokenData, subscriberToken } from "@/lib/newsletter/links";

const html = `<html><body><div data-id="react-email-markdown"><p>Read <a href="https://shop.test/journal?a=1&amp;b=2">the story</a> and <a href="mailto:hi@shop.test">write</a>.</p><div><a href="https://shop.test/x">nested</a></div></div><p><a href="https://shop.test/preferences/abc">Choose which emails you get</a></p></body></html>`;

describe("campaign click links", () => {
  it("rewrites only the body's http(s) links, leaving mailto and the footer alone, and the signed token leads back to the exact destination", () => {
    const out = trackBodyLinks(html, "c0ffee00-0000-4000-8000-000000000000");
    const tracked = [...out.matchAll(/href="([^"]+\/r\/[^"]+)"/g)].map((m) => m[1]!);
    expect(tracked).toHaveLength(2);
    expect(out).toContain('href="mailto:hi@shop.test"');
    expect(out).toContain('href="https://shop.test/preferences/abc"');
    // Not tied to a reader: the token has no recipient.
    expect(readTrackedLink(tracked[0]!.split("/r/")[1]!)).toEqual({ campaignId: "c0ffee00-0000-4000-8000-000000000000", url: "https://shop.test/journal?a=1&b=2", recipientId: null });
    expect(readTrackedLink(tracked[1]!.split("/r/")[1]!)?.url).toBe("https://shop.test/x");
  });

  it("with individual tracking on, leaves a marker per link for each reader's own signed link", () => {
    const perRecipient = { links: [] as string[] };
    const out = trackBodyLinks(html, "c", perRecipient);
    expect(perRecipient.links).toEqual(["https://shop.test/journal?a=1&b=2", "https://shop.test/x"]);
    expect(out).not.toContain("/r/");
    expect(readTrackedLink(trackedLinkUrl("c", perRecipient.links[0]!, 42).split("/r/")[1]!)?.recipientId).toBe(42);
  });

  it("refuses tokens it did not sign or that point anywhere but http(s)", () => {
    const token = trackedLinkUrl("c", "https://shop.test/").split("/r/")[1]!;
    expect(readTrackedLink(token.replace(/^./, (c) => (c === "e" ? "f" : "e")))).toBeNull();
    expect(readTrackedLink("nonsense")).toBeNull();
    expect(readTrackedLink(trackedLinkUrl("c", "javascript:alert(1)").split("/r/")[1]!)).toBeNull();
  });

  it("rewrites the same destinations in the plain-text part", () => {
    const urls = bodyLinkUrls(html);
    const text = trackTextLinks("the story [https://shop.test/journal?a=1&b=2] prefs [https://shop.test/preferences/abc]", "c", urls);
    expect(text).toMatch(/the story \[http[^\]]+\/r\/[^\]]+\]/);
    expect(text).toContain("[https://shop.test/preferences/abc]");
  });

  it("an unsubscribe token can name the campaign it came from; older tokens keep working", () => {
    const withCampaign = subscriberToken("unsubscribe", "s1", "camp");
    expect(readSubscriberTokenData("unsubscribe", withCampaign)).toEqual({ subscriberId: "s1", campaignId: "camp" });
    expect(readSubscriberToken("unsubscribe", withCampaign)).toBe("s1");
    expect(readSubscriberTokenData("unsubscribe", subscriberToken("unsubscribe", "s1"))).toEqual({ subscriberId: "s1", campaignId: null });
    expect(readSubscriberTokenData("preferences", withCampaign)).toBeNull();
  });
});

describe("segment rules", () => {
  it("accepts every kind of rule and refuses unknown ones, unknown topics and a period that ends before it starts", () => {
    expect(segmentRulesSchema.parse({ topics: ["newsletter:offers"], sources: ["footer"], signedUpFrom: "2026-01-01", signedUpTo: "2026-02-01", purchase: { kind: "not-ordered-in-days", days: "90" } })).toMatchObject({ purchase: { kind: "not-ordered-in-days", days: 90 } });
    expect(segmentRulesSchema.safeParse({ everyone: true }).success).toBe(false);
    expect(segmentRulesSchema.safeParse({ topics: ["newsletter:nope"] }).success).toBe(false);
    expect(segmentRulesSchema.safeParse({ signedUpFrom: "2026-02-01", signedUpTo: "2026-01-01" }).success).toBe(false);
    expect(segmentRulesSchema.safeParse({ purchase: { kind: "bought-from-collection", collectionId: -1 } }).success).toBe(false);
  });
});
