import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { describeConsentEvent } from "@/lib/consent/history";
import { occurredAt, outcomeOf } from "@/lib/email/webhooks";
import { parseEnv } from "@/lib/env";
import { createWebhookSender, outcomeFor } from "../../scripts/lib/mail-capture-webhooks";

describe("what a Resend event means for the shop", () => {
  it("suppresses only on a Permanent bounce or a complaint; other bounces are only recorded", () => {
    expect(outcomeOf({ type: "email.bounced", data: { bounce: { type: "Permanent" } } })).toBe("hard_bounce");
    expect(outcomeOf({ type: "email.bounced", data: { bounce: { type: "Transient" } } })).toBe("soft_bounce");
    expect(outcomeOf({ type: "email.bounced", data: { bounce: { type: "Undetermined" } } })).toBe("soft_bounce");
    expect(outcomeOf({ type: "email.bounced", data: {} })).toBe("soft_bounce");
    expect(outcomeOf({ type: "email.complained" })).toBe("complaint");
    expect(outcomeOf({ type: "email.delivered" })).toBe("delivered");
    expect(outcomeOf({ type: "email.delivery_delayed" })).toBe("delayed");
    expect(outcomeOf({ type: "email.opened" })).toBeNull();
    expect(outcomeOf({ type: "contact.deleted" })).toBeNull();
  });

  it("dates an event by the provider's time, unless it is missing, broken or ahead of ours", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(occurredAt("2026-11-23T11:59:58.000Z", now).toISOString()).toBe("2026-11-23T11:59:58.000Z");
    expect(occurredAt(undefined, now)).toBe(now);
    expect(occurredAt("yesterday-ish", now)).toBe(now);
    expect(occurredAt("2026-11-24T00:00:00Z", now)).toBe(now);
  });

  it("takes a webhook secret only in Resend's whsec_<base64> form", () => {
    const db = "postgres://u:p@localhost:5432/shop";
    const good = `whsec_${Buffer.from("0123456789abcdef0123").toString("base64")}`;
    expect(parseEnv({ DATABASE_URL: db, RESEND_WEBHOOK_SECRET: good }).RESEND_WEBHOOK_SECRET).toBe(good);
    expect(parseEnv({ DATABASE_URL: db }).RESEND_WEBHOOK_SECRET).toBeUndefined();
    expect(() => parseEnv({ DATABASE_URL: db, RESEND_WEBHOOK_SECRET: "just-a-password-1234567890" })).toThrow(/whsec_/);
    expect(() => parseEnv({ DATABASE_URL: db, RESEND_WEBHOOK_SECRET: "whsec_c2hvcnQ=" })).toThrow(/too short/);
  });

  it("tells the person it was the shop that stopped, after a bounce or a complaint", () => {
    const createdAt = new Date("2026-11-23T12:00:00Z");
    expect(describeConsentEvent({ action: "withdrawn", method: "bounce", source: "email-provider", createdAt })).toBe("We stopped sending on 23 Nov 2026: our emails to you could not be delivered.");
    expect(describeConsentEvent({ action: "withdrawn", method: "complaint", source: "email-provider", createdAt })).toBe("We stopped sending on 23 Nov 2026 after one of our emails was marked as spam.");
  });
});

describe("the capture server's report queue", () => {
  const email = (i: number, to = `r${i}@example.com`) => ({ id: `e${i}`, from: "a@shop.example", to: [to], subject: "s", receivedAt: new Date().toISOString() });

  it("picks the report from the first special recipient domain", () => {
    expect(outcomeFor(["a@example.com"]).type).toBe("email.delivered");
    expect(outcomeFor(["a@BOUNCE.invalid"])).toMatchObject({ type: "email.bounced", bounce: { type: "Permanent" } });
    expect(outcomeFor(["a@softbounce.invalid"])).toMatchObject({ type: "email.bounced", bounce: { type: "Transient" } });
    expect(outcomeFor(["a@example.com", "b@complaint.invalid"]).type).toBe("email.complained");
    expect(outcomeFor(["a@delay.invalid"]).type).toBe("email.delivery_delayed");
    expect(outcomeFor(["a@notbounce.invalid"]).type).toBe("email.delivered");
  });

  it("accepts a flood at once and keeps at most maxQueue reports, dropping the rest and saying so once", () => {
    const lines: string[] = [];
    const secret = `whsec_${Buffer.from("unit-test-secret-0123456789").toString("base64")}`;
    const sender = createWebhookSender({ url: "http://127.0.0.1:9/none", secret, delayMs: 60_000, maxQueue: 10_000, log: (l) => lines.push(l) });
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) sender.enqueue(email(i));
    const elapsed = performance.now() - started;
    expect(sender.stats()).toMatchObject({ queued: 10_000, dropped: 90_000, posted: 0, inFlight: 0 });
    expect(lines).toHaveLength(1);
    // An array push per email, not a request: far below a millisecond each.
    expect(elapsed).toBeLessThan(1000);
    sender.stop();
  });

  it("drops a report the shop refuses, logs the first failure only, and logs again after reports worked", async () => {
    let answer = 500;
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(answer).end());
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
    const lines: string[] = [];
    const secret = `whsec_${Buffer.from("unit-test-secret-0123456789").toString("base64")}`;
    const sender = createWebhookSender({ url, secret, delayMs: 0, concurrency: 2, log: (l) => lines.push(l) });
    try {
      for (let i = 0; i < 20; i++) sender.enqueue(email(i));
      await sender.settled();
      expect(sender.stats()).toMatchObject({ failed: 20, posted: 0, queued: 0 });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/HTTP 500/);

      answer = 200;
      sender.enqueue(email(21));
      await sender.settled();
      answer = 503;
      sender.enqueue(email(22));
      await sender.settled();
      expect(sender.stats()).toMatchObject({ failed: 21, posted: 1 });
      expect(lines).toHaveLength(2);
    } finally {
      sender.stop();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
