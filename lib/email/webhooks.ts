import "server-only";
import { z } from "zod";
import { recordEmailEvent, type EmailOutcome } from "@/db/queries/email-events";
import { newsletterTopics, type ConsentSource } from "@/lib/consent/purposes";
import { suppressionHash } from "@/lib/privacy/erasure";
import { resend } from "./send";

/*
 * Resend's webhook: what happened to an email after the shop handed it over. Resend signs each
 * delivery the Standard Webhooks way (svix-id, svix-timestamp, svix-signature over
 * `id.timestamp.body`); the SDK's verifier checks it on the raw body, as sent, and refuses a
 * timestamp more than five minutes away from now, in either direction, so a captured delivery
 * cannot be played back later. A delivery it already applied (same id) changes nothing.
 */

/** An event is a few hundred bytes; anything near this is not from the provider. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

const refusal = (status: number, code: string, message: string): WebhookAnswer => ({ status, body: { error: { code, message } } });

const eventSchema = z.looseObject({
  type: z.string().min(1).max(100),
  created_at: z.string().max(64).optional(),
  data: z
    .looseObject({
      email_id: z.string().min(1).max(200).optional(),
      bounce: z.looseObject({ type: z.string().max(64).optional() }).optional(),
    })
    .optional(),
});

export type ResendEvent = z.infer<typeof eventSchema>;

/**
 * What an event means for the shop. Only a bounce the provider calls Permanent is a hard
 * bounce; Transient and Undetermined ones may still be delivered later and are only recorded.
 */
export function outcomeOf(event: Pick<ResendEvent, "type" | "data">): EmailOutcome | null {
  switch (event.type) {
    case "email.delivered":
      return "delivered";
    case "email.delivery_delayed":
      return "delayed";
    case "email.complained":
      return "complaint";
    case "email.bounced":
      return event.data?.bounce?.type === "Permanent" ? "hard_bounce" : "soft_bounce";
    default:
      return null;
  }
}

/** When it happened at the provider; the receipt time when the event's own is missing or ahead of us. */
export function occurredAt(createdAt: string | undefined, now = new Date()): Date {
  const at = createdAt ? new Date(createdAt) : null;
  return at && !Number.isNaN(at.getTime()) && at.getTime() <= now.getTime() ? at : now;
}

/** The raw body, read no further than the cap: null when it is larger. */
async function readCapped(request: Request, max: number): Promise<string | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Resend sends svix-*; the Standard Webhooks names (webhook-*) are accepted as well. */
function signatureHeaders(headers: Headers) {
  const read = (name: string) => headers.get(`svix-${name}`) ?? headers.get(`webhook-${name}`);
  const id = read("id");
  const timestamp = read("timestamp");
  const signature = read("signature");
  return id && timestamp && signature ? { id, timestamp, signature } : null;
}

export async function receiveResendWebhook(request: Request, secret: string): Promise<WebhookAnswer> {
  const headers = signatureHeaders(request.headers);
  if (!headers) return refusal(400, "invalid", "A webhook needs the svix-id, svix-timestamp and svix-signature headers (or webhook-id, webhook-timestamp and webhook-signature).");
  if (headers.id.length > 200) return refusal(400, "invalid", "The webhook id is too long.");

  const payload = await readCapped(request, MAX_WEBHOOK_BYTES);
  if (payload === null) return refusal(413, "invalid", `The body is larger than ${MAX_WEBHOOK_BYTES / 1024} KB.`);

  let verified: unknown;
  try {
    verified = resend().webhooks.verify({ payload, headers, webhookSecret: secret });
  } catch (error) {
    // Checked by name: the error class lives in the verifier the SDK bundles.
    if (error instanceof Error && error.name === "WebhookVerificationError") {
      const timing = /timestamp/i.test(error.message);
      return refusal(
        401,
        "unauthorized",
        timing ? "The signature's timestamp is more than 5 minutes from now: stale deliveries are refused." : "The signature does not match this shop's webhook secret.",
      );
    }
    if (error instanceof SyntaxError) return refusal(400, "invalid", "The body is not JSON.");
    throw error;
  }

  const parsed = eventSchema.safeParse(verified);
  if (!parsed.success) return refusal(400, "invalid", "The body is not a Resend event.");
  const event = parsed.data;
  const result = await recordEmailEvent(
    { webhookId: headers.id, type: event.type, outcome: outcomeOf(event), emailId: event.data?.email_id ?? null, occurredAt: occurredAt(event.created_at) },
    { hashAddress: suppressionHash, topics: newsletterTopics.map((t) => ({ purpose: t.id, wordingId: t.wordingId })), source: "email-provider" satisfies ConsentSource },
  );
  if (result.duplicate) return { status: 200, body: { duplicate: true } };
  return { status: 200, body: { received: true, type: event.type, matched: result.matched !== null } };
}
