import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCapture, type MailCapture } from "../../scripts/lib/mail-capture";
import { testSql } from "../support/sql";

/*
 * The capture server reports back to the shop like Resend: a signed POST per accepted email.
 * First to a plain receiver (is every report there, of the right kind, and verifiable with the
 * shop's secret?), then into the shop's own webhook route, end to end: an order email to a
 * bouncing address ends with the address suppressed.
 */

const secret = `whsec_${Buffer.from("capture-webhook-integration-secret-42").toString("base64")}`;
process.env.RESEND_WEBHOOK_SECRET = secret;

type Received = { headers: IncomingMessage["headers"]; body: string };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A webhook endpoint on a free port; `handle` decides the answer. */
async function receiver(handle: (r: Received) => Promise<{ status: number; body: string }> | { status: number; body: string }) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const r = { headers: req.headers, body: await readBody(req) };
    received.push(r);
    const answer = await handle(r);
    res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/webhooks/resend`;
  return { url, received, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

async function send(capture: MailCapture, path: "/emails" | "/emails/batch", body: unknown) {
  const response = await fetch(`${capture.url}${path}`, { method: "POST", headers: { authorization: "Bearer re_test", "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return response.json();
}

const email = (to: string) => ({ from: "Shop <hello@shop.example>", to, subject: `For ${to}`, html: "<p>Hi</p>", text: "Hi" });

/** The shop's check, exactly: the Resend SDK's verifier with svix-* headers. */
async function verify(r: Received, key = secret) {
  const { Resend } = await import("resend");
  return new Resend("re_test").webhooks.verify({
    payload: r.body,
    headers: { id: String(r.headers["svix-id"]), timestamp: String(r.headers["svix-timestamp"]), signature: String(r.headers["svix-signature"]) },
    webhookSecret: key,
  }) as unknown as { type: string; data: { email_id: string; to: string[]; bounce?: { type: string } } };
}

describe("the capture server's delivery reports", () => {
  it("posts one signed, verifiable report per accepted email, of the kind its address asks for", async () => {
    const endpoint = await receiver(() => ({ status: 200, body: "{}" }));
    const capture = await startMailCapture({ webhookUrl: endpoint.url, webhookSecret: secret, webhookDelayMs: 10 });
    try {
      const single: Record<string, string> = {};
      for (const to of ["ada@example.com", "gone@bounce.invalid", "full@softbounce.invalid", "angry@complaint.invalid", "slow@delay.invalid"]) {
        single[to] = ((await send(capture, "/emails", email(to))) as { id: string }).id;
      }
      const batch = (await send(capture, "/emails/batch", Array.from({ length: 100 }, (_, i) => email(`reader${i}@example.com`)))) as { data: { id: string }[] };
      // Refused emails are never reported.
      await fetch(`${capture.url}/emails`, { method: "POST", headers: { authorization: "Bearer re_test" }, body: JSON.stringify(email("x@reject.invalid")) });
      await capture.webhooks.settled();

      expect(endpoint.received).toHaveLength(105);
      const events = await Promise.all(endpoint.received.map((r) => verify(r)));
      const byEmail = new Map(events.map((e) => [e.data.email_id, e]));
      expect(byEmail.size).toBe(105);
      expect(byEmail.get(single["ada@example.com"]!)?.type).toBe("email.delivered");
      expect(byEmail.get(single["gone@bounce.invalid"]!)).toMatchObject({ type: "email.bounced", data: { bounce: { type: "Permanent" }, to: ["gone@bounce.invalid"] } });
      expect(byEmail.get(single["full@softbounce.invalid"]!)).toMatchObject({ type: "email.bounced", data: { bounce: { type: "Transient" } } });
      expect(byEmail.get(single["angry@complaint.invalid"]!)?.type).toBe("email.complained");
      expect(byEmail.get(single["slow@delay.invalid"]!)?.type).toBe("email.delivery_delayed");
      for (const { id } of batch.data) expect(byEmail.get(id)?.type).toBe("email.delivered");
      // Every delivery has its own id, as the shop's replay guard expects.
      expect(new Set(endpoint.received.map((r) => r.headers["svix-id"])).size).toBe(105);
      // Signed with the shop's secret, not just any: another secret does not verify.
      const other = `whsec_${Buffer.from("some-other-shops-secret-0123456789").toString("base64")}`;
      await expect(verify(endpoint.received[0]!, other)).rejects.toThrow(/signature/i);
      expect(capture.stats().webhooks).toMatchObject({ posted: 105, failed: 0, dropped: 0, queued: 0 });
    } finally {
      await capture.stop();
      await endpoint.stop();
    }
  });

  it("is pointed elsewhere, or switched off, through POST /_control", async () => {
    const endpoint = await receiver(() => ({ status: 200, body: "{}" }));
    const capture = await startMailCapture({ webhookDelayMs: 10 });
    const control = (body: unknown) => fetch(`${capture.url}/_control`, { method: "POST", body: JSON.stringify(body) });
    try {
      await send(capture, "/emails", email("before@example.com"));
      expect((await control({ webhookSecret: "not base64 !!" })).status).toBe(422);
      expect(await (await control({ webhookUrl: endpoint.url, webhookSecret: secret })).json()).toMatchObject({ webhookUrl: endpoint.url });
      await send(capture, "/emails", email("during@example.com"));
      await capture.webhooks.settled();
      expect(await control({ webhookUrl: null })).toHaveProperty("status", 200);
      await send(capture, "/emails", email("after@example.com"));
      await capture.webhooks.settled();
      const events = await Promise.all(endpoint.received.map((r) => verify(r)));
      expect(events.map((e) => e.data.to[0])).toEqual(["during@example.com"]);
    } finally {
      await capture.stop();
      await endpoint.stop();
    }
  });
});

describe("reports into the shop's webhook", () => {
  const sql = testSql();
  const address = `order-${randomUUID().slice(0, 8)}@bounce.invalid`;
  let capture: MailCapture;
  let endpoint: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    // The receiver hands each report to the shop's route exactly as Next would.
    endpoint = await receiver(async (r) => {
      const { POST } = await import("@/app/api/webhooks/resend/route");
      const headers = new Headers();
      for (const [name, value] of Object.entries(r.headers)) if (typeof value === "string") headers.set(name, value);
      const response = await POST(new Request("http://shop.test/api/webhooks/resend", { method: "POST", headers, body: r.body }));
      return { status: response.status, body: await response.text() };
    });
    capture = await startMailCapture({ webhookUrl: endpoint.url, webhookSecret: secret, webhookDelayMs: 50 });
    process.env.RESEND_BASE_URL = capture.url;
  });

  afterAll(async () => {
    await capture.stop();
    await endpoint.stop();
    const { suppressionHash } = await import("@/lib/privacy/erasure");
    await sql`delete from suppressions where email_hash = ${suppressionHash(address)}`;
    await sql`delete from email_messages where to_address = ${address}`;
    for (const r of endpoint.received) await sql`delete from webhook_receipts where id = ${String(r.headers["svix-id"])}`;
    await sql.end();
  });

  it("an order email to a bouncing address ends with the address on the suppression list", async () => {
    const { sendEmail } = await import("@/lib/email/send");
    const { TestMessageEmail } = await import("@/lib/email/templates/test-message");
    const { suppressionHash } = await import("@/lib/privacy/erasure");
    const { providerMessageId } = await sendEmail({
      to: address,
      subject: "Your order",
      template: "test-message",
      reason: "A test of the bounce report.",
      category: "transactional",
      react: createElement(TestMessageEmail, { siteUrl: "http://shop.test", sentAt: "noon" }),
    });
    await capture.webhooks.settled();
    expect(capture.stats().webhooks).toMatchObject({ posted: 1, failed: 0 });
    const [row] = await sql<{ reason: string }[]>`select reason from suppressions where email_hash = ${suppressionHash(address)}`;
    expect(row?.reason).toBe("bounced");
    const [receipt] = await sql<{ type: string }[]>`select type from webhook_receipts where id = ${String(endpoint.received[0]!.headers["svix-id"])}`;
    expect(receipt?.type).toBe("email.bounced");
    expect(JSON.parse(endpoint.received[0]!.body).data.email_id).toBe(providerMessageId);
  });
});
