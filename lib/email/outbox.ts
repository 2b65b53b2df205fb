import "server-only";
import { claimDueOutboxEmails, markOutboxEmailFailed, markOutboxEmailSent, type ClaimedOutboxEmail } from "@/db/queries/outbox";
import { sendOrderConfirmation } from "@/lib/orders/confirmation-email";
import { sendOrderStatusEmail, statusOfEmailKind } from "@/lib/orders/status-email";

/*
 * Sends the emails the shop owes (rows written by the transactions that owe them, see
 * db/schema/messages.ts). Right after an order commits, the request delivers its confirmation
 * in the background; a sweeper in every server process retries whatever is still owed, so a
 * crash, a deploy or a provider outage delays an email but never loses it.
 */

/** Attempts before giving up, with the waits between them (1, 2, 4… minutes, at most 6 hours): about 20 hours in all. */
export const OUTBOX_MAX_ATTEMPTS = 12;
const retryDelayMinutes = (attempts: number) => Math.min(2 ** (attempts - 1), 360);
const SWEEP_EVERY_MS = 30_000;

async function deliver(email: ClaimedOutboxEmail) {
  try {
    switch (email.kind) {
      case "order-confirmation":
        await sendOrderConfirmation(email.orderId);
        break;
      default: {
        const status = statusOfEmailKind(email.kind);
        if (status) await sendOrderStatusEmail(email.orderId, status);
      }
    }
    await markOutboxEmailSent(email);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt = email.attempts >= OUTBOX_MAX_ATTEMPTS ? null : new Date(Date.now() + retryDelayMinutes(email.attempts) * 60_000);
    await markOutboxEmailFailed(email, message, retryAt);
    console.error(`Email ${email.kind} for order ${email.orderId}: attempt ${email.attempts} failed${retryAt ? "; will retry" : "; giving up"}: ${message}`);
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

/** Sends the emails one order owes now (the checkout calls this after the response). */
export async function deliverOutboxEmailsForOrder(orderId: string) {
  const claimed = await claimDueOutboxEmails(5, orderId);
  for (const email of claimed) await deliver(email);
}

const SWEEPER = Symbol.for("hearth.outboxSweeper");

/** Started once per server process (instrumentation.ts). */
export function startOutboxSweeper() {
  const global = globalThis as { [SWEEPER]?: NodeJS.Timeout };
  if (global[SWEEPER]) return;
  let running = false;
  global[SWEEPER] = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueOutboxEmails()
      .catch((error) => console.error("Email outbox sweep failed", error instanceof Error ? error.message : error))
      .finally(() => (running = false));
  }, SWEEP_EVERY_MS);
  global[SWEEPER].unref();
}
