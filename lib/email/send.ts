import type { ReactElement } from "react";
import { Resend } from "resend";
import { markEmailFailed, markEmailSent, recordEmailAttempt } from "@/db/queries/email-messages";
import { getShopSettings } from "@/db/queries/settings";
import { getEnv } from "../env";
import { emailShopOf, renderEmail } from "./render";
import { assertMayMarket } from "./marketing-guard";
import { fromHeader } from "./sender";

/*
 * The only code that talks to the email provider. Every message is rendered to HTML and a
 * plain-text part, recorded in the database (what, to whom, why) before it is sent, and then
 * marked sent with the provider's id, or failed. A provider error is thrown, never swallowed.
 */

export class EmailSendError extends Error {
  constructor(
    readonly recordId: string,
    readonly providerError: { name?: string; message?: string; statusCode?: number | null },
  ) {
    super(`Email could not be sent: ${providerError.name ?? "error"}: ${providerError.message ?? "no message"}`);
    this.name = "EmailSendError";
  }
}

let client: Resend | undefined;

export function resend(): Resend {
  if (client) return client;
  const env = getEnv();
  // A capture server needs no real key; the SDK insists on one being present.
  client = new Resend(env.RESEND_API_KEY ?? "re_local_capture", env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/+$/, "") } : undefined);
  return client;
}

type Audience =
  | { category: "transactional" }
  | {
      category: "marketing";
      /** Who it goes to as a subscriber, and under which topics; checked before sending. */
      audience: { subscriberId: string; topics: string[] };
    };

export type OutgoingEmail = Audience & {
  to: string;
  subject: string;
  /** Template name recorded with the message, e.g. "order-confirmation". */
  template: string;
  /** Why the recipient gets it, in their words; stored and shown in their data export. */
  reason: string;
  react: ReactElement;
  headers?: Record<string, string>;
  /** Makes a retried send (same key) deliver once at the provider. */
  idempotencyKey?: string;
};

export async function sendEmail(email: OutgoingEmail): Promise<{ recordId: string; providerMessageId: string }> {
  // The settings as saved now (not a cached copy): a changed sender or address applies at once.
  if (email.category === "marketing") await assertMayMarket([{ subscriberId: email.audience.subscriberId, email: email.to }], email.audience.topics);
  const settings = await getShopSettings();
  const { html, text } = await renderEmail(email.react, emailShopOf(settings));
  const recordId = await recordEmailAttempt({
    toAddress: email.to,
    subject: email.subject,
    template: email.template,
    reason: email.reason,
    category: email.category,
  });
  const { data, error } = await resend().emails.send(
    { from: fromHeader(settings), to: email.to, subject: email.subject, html, text, headers: email.headers },
    email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
  );
  if (error || !data) {
    const providerError = error ?? { name: "empty_response", message: "The provider returned no message id" };
    await markEmailFailed(recordId, `${providerError.name}: ${providerError.message}`);
    throw new EmailSendError(recordId, providerError);
  }
  await markEmailSent(recordId, data.id);
  return { recordId, providerMessageId: data.id };
}


export type MarketingBatchItem = { subscriberId: string; to: string; subject: string; html: string; text: string; headers: Record<string, string> };

export type MarketingBatchResult =
  | { ok: true; results: ({ id: string } | { error: string })[] }
  | { ok: false; status: number | null; name: string; message: string; retryAfterSeconds: number | null };

/**
 * Sends up to 100 already-rendered marketing emails in one provider call with one idempotency
 * key (a retry with the same key is delivered once). Refuses the whole call, before the
 * provider is reached, if any recipient has no active grant for `topic` or is suppressed.
 * Per-email validation errors come back per item (the provider's permissive batch mode).
 */
export async function sendMarketingBatch(
  items: MarketingBatchItem[],
  { topic, idempotencyKey, pace }: { topic: string; idempotencyKey: string; /** Waits for the provider's rate, right before the call. */ pace?: () => Promise<void> },
): Promise<MarketingBatchResult> {
  if (items.length === 0 || items.length > 100) throw new Error("A marketing batch holds 1 to 100 emails");
  await assertMayMarket(
    items.map((i) => ({ subscriberId: i.subscriberId, email: i.to })),
    [topic],
  );
  const from = fromHeader(await getShopSettings());
  await pace?.();
  const { data, error, headers } = await resend().batch.send(
    items.map((i) => ({ from, to: i.to, subject: i.subject, html: i.html, text: i.text, headers: i.headers })),
    { idempotencyKey, batchValidation: "permissive" },
  );
  if (error || !data) {
    const retryAfter = Number(headers?.["retry-after"]);
    const failure = error ?? { name: "empty_response", message: "The provider returned no ids", statusCode: null };
    return { ok: false, status: failure.statusCode ?? null, name: failure.name ?? "error", message: failure.message ?? "", retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null };
  }
  const errors = new Map(((data as { errors?: { index: number; message: string }[] }).errors ?? []).map((e) => [e.index, e.message]));
  const ids = [...data.data];
  const results = items.map((_, index) => (errors.has(index) ? { error: errors.get(index)! } : ids.length ? { id: ids.shift()!.id } : { error: "The provider returned no id for this email" }));
  return { ok: true, results };
}
