import { randomUUID } from "node:crypto";
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

});

describe("the email outbox", () => {
  afterAll(async () => {
    // Leave the shared database as the seed made it for the other test files.
    const { testSql } = await import("../support/sql");
    const sql = testSql();
    await sql`delete from orders where id in (select oi.order_id from order_items oi join product_variants v on v.id = oi.variant_id join products p on p.id = v.product_id where p.slug like 'outbox-test-%')`;
    await sql`delete from products where slug like 'outbox-test-%'`;
    await sql.end();
  });

  async function placeTestOrder(email: string) {
    const [{ placeOrder }, { testSql }] = await Promise.all([import("@/db/queries/orders"), import("../support/sql")]);
    const sql = testSql();
    const slug = `outbox-test-${randomUUID().slice(0, 8)}`;
    const [product] = await sql`insert into products (slug, title, status) values (${slug}, 'Outbox test candle', 'published') returning id`;
    const [variant] = await sql`insert into product_variants (product_id, sku, options, price_amount, currency, stock) values (${product!.id}, ${slug.toUpperCase()}, '{}', 1200, 'GBP', 5) returning id`;
    const placed = await placeOrder({
      idempotencyKey: randomUUID(),
      email,
      shipping: { name: "Owed Person", line1: "1 Road", line2: "", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
      shippingMethod: "standard",
      discountCode: null,
      items: [{ variantId: variant!.id as number, quantity: 1 }],
      newsletterOptIn: false,
      paymentProvider: "manual",
    });
    if (!placed.ok) throw new Error(placed.message);
    return { order: placed.order, sql };
  }

  it("delivers an order's confirmation exactly once when two senders work at the same time", async () => {
    const { deliverDueOutboxEmails } = await import("@/lib/email/outbox");
    const email = `twice-${randomUUID().slice(0, 8)}@example.com`;
    const { order, sql } = await placeTestOrder(email);
    const keysBefore = capture.sendKeys.length;
    await Promise.all([deliverDueOutboxEmails(), deliverDueOutboxEmails()]);
    // Only one sender took the email: one request to the provider, one message.
    expect(capture.sendKeys.slice(keysBefore).filter((k) => k === `order-confirmation:${order.id}`)).toHaveLength(1);
    expect(capture.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
    const [row] = await sql`select attempts, sent_at is not null as sent from email_outbox where order_id = ${order.id}`;
    expect(row).toEqual({ attempts: 1, sent: true });
    await sql.end();
  });

  it("a confirmed newsletter signup owes one welcome email, written with the confirmation and sent by the outbox", async () => {
    const { deliverDueOutboxEmails } = await import("@/lib/email/outbox");
    const { requestNewsletterSubscription, confirmNewsletterSubscription } = await import("@/db/queries/consent");
    const { testSql } = await import("../support/sql");
    const sql = testSql();
    const email = `welcome-${randomUUID().slice(0, 8)}@example.com`;
    const tokenHash = randomUUID();
    const { subscriberId } = await requestNewsletterSubscription({ email, topics: ["newsletter:offers"], wordingId: "w@1", source: "footer", tokenHash, expiresAt: new Date(Date.now() + 60_000), clientHash: null });
    expect(await sql`select 1 from email_outbox where subscriber_id = ${subscriberId}`).toHaveLength(0);
    await confirmNewsletterSubscription(tokenHash, null);
    // Confirming twice owes nothing more.
    await confirmNewsletterSubscription(tokenHash, null);
    expect(await sql`select kind from email_outbox where subscriber_id = ${subscriberId}`).toEqual([{ kind: "newsletter-welcome" }]);
    await Promise.all([deliverDueOutboxEmails(), deliverDueOutboxEmails()]);
    const sent = capture.messages.filter((m) => m.to.includes(email));
    expect(sent.map((m) => m.subject)).toEqual([expect.stringMatching(/^Welcome to/)]);
    expect(sent[0]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(sent[0]!.idempotencyKey).toBe(`newsletter-welcome:${subscriberId}`);
    await sql.end();
  });

  it("after a crash between the send and its record, the retry carries the same idempotency key, so the provider delivers it once", async () => {
    const { deliverDueOutboxEmails } = await import("@/lib/email/outbox");
    const email = `crash-${randomUUID().slice(0, 8)}@example.com`;
    const { order, sql } = await placeTestOrder(email);
    await deliverDueOutboxEmails();
    // The process died after the provider accepted the email but before it was marked sent:
    // the row is unsent and its sender's lease has run out.
    await sql`update email_outbox set sent_at = null, locked_until = now() - interval '1 second' where order_id = ${order.id}`;
    await deliverDueOutboxEmails();
    const keys = capture.sendKeys.filter((k) => k?.endsWith(order.id));
    expect(keys).toEqual([`order-confirmation:${order.id}`, `order-confirmation:${order.id}`]);
    expect(capture.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
    await sql.end();
  });

  it("a sender too slow for its lease cannot overwrite what the sender that took over recorded", async () => {
    const [{ claimDueOutboxEmails, markOutboxEmailFailed, markOutboxEmailSent }] = await Promise.all([import("@/db/queries/outbox")]);
    const email = `slow-${randomUUID().slice(0, 8)}@example.com`;
    const { order, sql } = await placeTestOrder(email);
    const [slow] = await claimDueOutboxEmails(1, order.id);
    // Its lease runs out while it waits on the provider; another sender takes the email and sends it.
    await sql`update email_outbox set locked_until = now() - interval '1 second' where order_id = ${order.id}`;
    const [fast] = await claimDueOutboxEmails(1, order.id);
    expect(fast!.attempts).toBe(slow!.attempts + 1);
    await markOutboxEmailSent(fast!);
    // The slow sender's late failure changes nothing.
    await markOutboxEmailFailed(slow!, "timeout", null);
    await markOutboxEmailSent(slow!);
    const [row] = await sql`select sent_at is not null as sent, failed_at, last_error, attempts from email_outbox where order_id = ${order.id}`;
    expect(row).toEqual({ sent: true, failed_at: null, last_error: null, attempts: 2 });
    await sql.end();
  });

  it("keeps an email the provider refused, retries it later, and gives up only after the last attempt", async () => {
    const [{ deliverDueOutboxEmails, OUTBOX_MAX_ATTEMPTS }] = await Promise.all([import("@/lib/email/outbox")]);
    const email = `refused-${randomUUID().slice(0, 8)}@reject.invalid`;
    const { order, sql } = await placeTestOrder(email);
    await deliverDueOutboxEmails();
    let [row] = await sql`select attempts, sent_at, failed_at, last_error, next_attempt_at > now() as later from email_outbox where order_id = ${order.id}`;
    expect(row).toMatchObject({ attempts: 1, sent_at: null, failed_at: null, later: true });
    expect(row!.last_error).toContain("Invalid `to` field");
    // Not due yet: another round leaves it alone.
    await deliverDueOutboxEmails();
    [row] = await sql`select attempts from email_outbox where order_id = ${order.id}`;
    expect(row!.attempts).toBe(1);
    // The last attempt fails too: it is marked failed for the merchant, never silently dropped.
    await sql`update email_outbox set attempts = ${OUTBOX_MAX_ATTEMPTS - 1}, next_attempt_at = now() where order_id = ${order.id}`;
    await deliverDueOutboxEmails();
    [row] = await sql`select attempts, sent_at, failed_at is not null as failed from email_outbox where order_id = ${order.id}`;
    expect(row).toMatchObject({ attempts: OUTBOX_MAX_ATTEMPTS, sent_at: null, failed: true });
    await sql.end();
  });
});
