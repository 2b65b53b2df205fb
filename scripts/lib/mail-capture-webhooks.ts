/**
 * The capture server's delivery reports: like Resend, it tells the shop what became of each
 * email it accepted, with a signed POST to the shop's webhook (Standard Webhooks, svix-*
 * headers, signed by the `standardwebhooks` package Resend's SDK verifies with).
 *
 * What happens to an email is decided by its recipient's domain (the first that is special):
 *   *@bounce.invalid      email.bounced, Permanent (a hard bounce: the shop suppresses it)
 *   *@softbounce.invalid  email.bounced, Transient
 *   *@complaint.invalid   email.complained
 *   *@delay.invalid       email.delivery_delayed
 *   anything else         email.delivered
 *
 * Reports go out a moment after the email was accepted (the shop records the provider's id
 * after the send call returns, and a report must find it), from a bounded queue with a few
 * posts in flight, so accepting thousands of emails a second costs an array push each. When
 * the queue is full a report is dropped; a report the shop does not take (error, refused, no
 * answer) is dropped too. Either is logged once until reports flow again, and counted.
 */
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type WebhookSenderOptions = {
  /** Where to post, e.g. http://localhost:3000/api/webhooks/resend; unset: no reports. */
  url?: string | null;
  /** The shop's RESEND_WEBHOOK_SECRET (whsec_<base64>). */
  secret?: string | null;
  /** How long after accepting an email its report is posted. */
  delayMs?: number;
  /** Posts in flight at once. */
  concurrency?: number;
  /** Reports waiting at most; beyond it new ones are dropped. */
  maxQueue?: number;
  log?: (line: string) => void;
};

export type WebhookStats = { url: string | null; queued: number; inFlight: number; posted: number; failed: number; dropped: number };

/** What a report needs from an accepted email (the HTML is not kept in the queue). */
export type ReportedEmail = { id: string; from: string; to: string[]; subject: string; receivedAt: string };

type Outcome = { type: "email.delivered" | "email.bounced" | "email.complained" | "email.delivery_delayed"; bounce?: { type: "Permanent" | "Transient"; subType: string; message: string } };

type Pending = { due: number; email: ReportedEmail; outcome: Outcome };

/** The report an email gets, from its recipients' domains. */
export function outcomeFor(to: readonly string[]): Outcome {
  for (const address of to) {
    const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
    if (domain === "bounce.invalid")
      return { type: "email.bounced", bounce: { type: "Permanent", subType: "General", message: "The recipient's mail server permanently rejected the email (capture server)." } };
    if (domain === "softbounce.invalid")
      return { type: "email.bounced", bounce: { type: "Transient", subType: "MailboxFull", message: "The recipient's mailbox is full (capture server)." } };
    if (domain === "complaint.invalid") return { type: "email.complained" };
    if (domain === "delay.invalid") return { type: "email.delivery_delayed" };
  }
  return { type: "email.delivered" };
}

/** Resend's event body for an email (the fields its WebhookEventPayload types name). */
export function eventBody(email: ReportedEmail, outcome: Outcome, now: Date): string {
  return JSON.stringify({
    type: outcome.type,
    created_at: now.toISOString(),
    data: {
      created_at: email.receivedAt,
      email_id: email.id,
      message_id: `<${email.id}@capture.invalid>`,
      from: email.from,
      to: email.to,
      subject: email.subject,
      ...(outcome.bounce ? { bounce: outcome.bounce } : {}),
    },
  });
}

export function createWebhookSender({ url = null, secret = null, delayMs = 1000, concurrency = 8, maxQueue = 50_000, log = console.warn }: WebhookSenderOptions = {}) {
  let target = url || null;
  let signer: Webhook | null = secret ? new Webhook(secret) : null;
  // A FIFO with a moving head: every report waits the same delay, so the head is always due first.
  let queue: Pending[] = [];
  let head = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const counters = { posted: 0, failed: 0, dropped: 0 };
  // "Logged once": one line when reports start failing, another only after they worked again.
  let failing = false;
  let overflowing = false;

  function enqueue(email: ReportedEmail) {
    if (!target || !signer || stopped) return;
    if (queue.length - head >= maxQueue) {
      counters.dropped++;
      if (!overflowing) log(`mail capture: ${maxQueue} webhook reports are waiting; dropping new ones until the shop catches up`);
      overflowing = true;
      return;
    }
    overflowing = false;
    queue.push({ due: Date.now() + delayMs, email: { id: email.id, from: email.from, to: email.to, subject: email.subject, receivedAt: email.receivedAt }, outcome: outcomeFor(email.to) });
    pump();
  }

  function pump() {
    while (!stopped && inFlight < concurrency && head < queue.length) {
      const next = queue[head]!;
      const wait = next.due - Date.now();
      if (wait > 0) {
        timer ??= setTimeout(() => {
          timer = null;
          pump();
        }, wait).unref();
        break;
      }
      queue[head] = undefined as unknown as Pending;
      head++;
      inFlight++;
      void post(next).finally(() => {
        inFlight--;
        pump();
      });
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  }

  async function post({ email, outcome }: Pending) {
    const to = target;
    const key = signer;
    if (!to || !key) return;
    const id = `msg_${randomUUID().replaceAll("-", "")}`;
    const now = new Date();
    const body = eventBody(email, outcome, now);
    try {
      const response = await fetch(to, {
        method: "POST",
        headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(now.getTime() / 1000)), "svix-signature": key.sign(id, now, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer().catch(() => {});
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      counters.posted++;
      failing = false;
    } catch (error) {
      counters.failed++;
      if (!failing) log(`mail capture: a webhook report to ${to} failed (${error instanceof Error ? error.message : String(error)}); failed reports are dropped`);
      failing = true;
    }
  }

  return {
    enqueue,
    /** Points reports elsewhere or switches them off (null); a bad secret throws. */
    configure(change: { url?: string | null; secret?: string | null }) {
      // Both checked before either applies: a bad value changes nothing.
      const nextSigner = change.secret === undefined ? signer : change.secret ? new Webhook(change.secret) : null;
      const nextTarget = change.url === undefined ? target : change.url ? new URL(change.url).toString() : null;
      signer = nextSigner;
      target = nextTarget;
      failing = false;
    },
    stats(): WebhookStats {
      return { url: target, queued: queue.length - head, inFlight, ...counters };
    },
    /** Resolves when nothing is waiting or in flight (for tests and benchmarks). */
    async settled(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while ((queue.length - head > 0 || inFlight > 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      queue = [];
      head = 0;
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
