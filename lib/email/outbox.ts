import "server-only";
import { claimDueOutboxEmails, markOutboxEmailFailed, markOutboxEmailSent, type ClaimedOutboxEmail } from "@/db/queries/outbox";
import { sendOrderConfirmation } from "@/lib/orders/confirmation-email";
import { sendOrderStatusEmail, statusOfEmailKind } from "@/lib/orders/status-email";
import { sendWelcomeEmail } from "@/lib/newsletter/welcome";

/*
 * Sends the emails the shop owes (rows written by the transactions that owe them, see
 * db/schema/messages.ts): order confirmations, order status updates and the newsletter welcome.
 * The background worker runs this (lib/jobs/worker.ts) when a transaction NOTIFYs it and every
 * few seconds besides, so a crash, a deploy or a provider outage delays an email but never
 * loses it. Sign-in links are not owed this way: they are sent at once, in the request.
 */

/** Attempts before giving up, with the waits between them (1, 2, 4… minutes, at most 6 hours): about 20 hours in all. */
export const OUTBOX_MAX_ATTEMPTS = 12;
const retryDelayMinutes = (attempts: number) => Math.min(2 ** (attempts - 1), 360);

async function deliver(email: ClaimedOutboxEmail) {
  try {
    if (email.kind === "newsletter-welcome") {
      if (email.subscriberId) await sendWelcomeEmail(email.subscriberId);
    } else if (email.orderId) {
      if (email.kind === "order-confirmation") await sendOrderConfirmation(email.orderId);
      else {
        const status = statusOfEmailKind(email.kind);
        if (status) await sendOrderStatusEmail(email.orderId, status);
      }
    }
    await markOutboxEmailSent(email);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt = email.attempts >= OUTBOX_MAX_ATTEMPTS ? null : new Date(Date.now() + retryDelayMinutes(email.attempts) * 60_000);
    await markOutboxEmailFailed(email, message, retryAt);
    console.error(`Email ${email.kind} for ${email.orderId ? `order ${email.orderId}` : `subscriber ${email.subscriberId}`}: attempt ${email.attempts} failed${retryAt ? "; will retry" : "; giving up"}: ${message}`);
  }
}

/** Sends every email that is due, a batch at a time. Returns how many were attempted. */
export async function deliverDueOutboxEmails(batch = 20): Promise<number> {
  let attempted = 0;
  for (;;) {
    const claimed = await claimDueOutboxEmails(batch);
    for (const email of claimed) await deliver(email);
    attempted += claimed.length;
    if (claimed.length < batch) return attempted;
  }
}
