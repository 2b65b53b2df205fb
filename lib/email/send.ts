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

