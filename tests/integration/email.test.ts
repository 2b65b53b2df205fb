import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCapture } from "../../scripts/lib/mail-capture";

let capture: Awaited<ReturnType<typeof startMailCapture>>;

beforeAll(async () => {
  capture = await startMailCapture();
  // Read once by lib/env.ts, exactly as the server does; set before the module is loaded.
  process.env.RESEND_BASE_URL = capture.url;
});
afterAll(() => capture.stop());

async function load() {
  const [{ sendEmail, EmailSendError }, { getEmailRecord, listEmailsSentTo }, { TestMessageEmail }] = await Promise.all([
    import("@/lib/email/send"),
    import("@/db/queries/email-messages"),
    import("@/lib/email/templates/test-message"),
  ]);
  return { sendEmail, EmailSendError, getEmailRecord, listEmailsSentTo, TestMessageEmail };
}

describe("the email module", () => {
  it("sends through the Resend SDK with HTML and plain text, and records what, to whom and why", async () => {
    const { sendEmail, getEmailRecord, TestMessageEmail } = await load();
    const react = createElement(TestMessageEmail, { siteUrl: "http://shop.test", sentAt: "noon" });
    const result = await sendEmail({
      to: "ada@example.com",
      subject: "Testing the shop's email",
      template: "test-message",
      reason: "You asked to test the shop's email settings.",
      category: "transactional",
      react,
    });

    const captured = capture.messages.find((m) => m.id === result.providerMessageId);
    expect(captured?.to).toEqual(["ada@example.com"]);
    expect(captured?.from).toContain("Ember & Oak");
    expect(captured?.html).toContain("Your shop can send email");
    expect(captured?.html).toContain("Why you got this email");
    expect(captured?.text.toLowerCase()).toContain("your shop can send email");
    expect(captured?.text).not.toContain("<");

    const record = await getEmailRecord(result.recordId);
    expect(record).toMatchObject({
      toAddress: "ada@example.com",
      subject: "Testing the shop's email",
      template: "test-message",
      reason: "You asked to test the shop's email settings.",
      status: "sent",
      providerMessageId: result.providerMessageId,
    });
    expect(record?.sentAt).toBeInstanceOf(Date);
  });

  it("throws on the provider's error and records the failure instead of losing it", async () => {
    const { sendEmail, EmailSendError, listEmailsSentTo, TestMessageEmail } = await load();
    const before = capture.messages.length;
    const attempt = sendEmail({
      to: "nobody@reject.invalid",
      subject: "Will be refused",
      template: "test-message",
      reason: "A test of a refused message.",
      category: "transactional",
      react: createElement(TestMessageEmail, { siteUrl: "http://shop.test", sentAt: "noon" }),
    });
    await expect(attempt).rejects.toBeInstanceOf(EmailSendError);
    expect(capture.messages.length).toBe(before);
    const [record] = await listEmailsSentTo("NOBODY@reject.invalid");
    expect(record).toMatchObject({ status: "failed", providerMessageId: null, subject: "Will be refused" });
  });

  it("delivers once when the same idempotency key is sent twice", async () => {
    const { sendEmail, TestMessageEmail } = await load();
    const email = {
      to: "twice@example.com",
      subject: "Once only",
      template: "test-message",
      reason: "A test of retries.",
      category: "transactional" as const,
      react: createElement(TestMessageEmail, { siteUrl: "http://shop.test", sentAt: "noon" }),
      idempotencyKey: "test-once-only",
    };
    const [a, b] = await Promise.all([sendEmail(email), sendEmail(email)]);
    expect(a.providerMessageId).toBe(b.providerMessageId);
    expect(capture.messages.filter((m) => m.to.includes("twice@example.com"))).toHaveLength(1);
  });
});
