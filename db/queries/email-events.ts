import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import { campaignRecipients, emailMessages, subscribers, suppressions, webhookReceipts } from "../schema";
import { recordConsentChange } from "./consent";

/*
 * What the email provider tells the shop about an email after it left: delivered, delayed,
 * bounced, reported as spam. Each report is applied once (its webhook id is recorded in the
 * same transaction as its effect) and only to an email the shop itself sent and recorded,
 * so the address it acts on is the shop's own record of it, never one named in the report.
 */

export type EmailOutcome = "delivered" | "delayed" | "soft_bounce" | "hard_bounce" | "complaint";

export type EmailEvent = {
  /** The webhook delivery's id (svix-id / webhook-id): a repeat of it changes nothing. */
  webhookId: string;
  /** The provider's event type as received (email.bounced, contact.created…). */
  type: string;
  /** What it means for the shop; null for a type the shop only records as received. */
  outcome: EmailOutcome | null;
  /** The provider's id of the email it is about. */
  emailId: string | null;
  occurredAt: Date;
};

/** How a hard bounce or a complaint stops marketing to the address. */
export type StopMarketing = {
  /** The suppression list's keyed hash of an address (lib/privacy/erasure.ts). */
  hashAddress: (email: string) => string;
  /** Every newsletter topic, with the wording version a withdrawal is recorded under. */
  topics: readonly { purpose: string; wordingId: string }[];
  source: string;
};

export type EmailEventResult = {
  duplicate: boolean;
  /** Which of the shop's emails it was about: a campaign's, another one, or none the shop knows. */
  matched: "campaign" | "other" | null;
  /** The address is now on the suppression list (added now or already there). */
  suppressed: boolean;
  /** Newsletter topics withdrawn in the ledger by this event. */
  withdrawn: string[];
};

const recipientColumn = {
  delivered: campaignRecipients.deliveredAt,
  delayed: campaignRecipients.delayedAt,
  soft_bounce: campaignRecipients.bouncedAt,
  hard_bounce: campaignRecipients.bouncedAt,
  complaint: campaignRecipients.complainedAt,
} as const;

const recipientKey = {
  delivered: "deliveredAt",
  delayed: "delayedAt",
  soft_bounce: "bouncedAt",
  hard_bounce: "bouncedAt",
  complaint: "complainedAt",
} as const;

export async function recordEmailEvent(event: EmailEvent, stop: StopMarketing): Promise<EmailEventResult> {
  return getDb().transaction(async (tx) => {
    // The replay guard: a second delivery of the same id waits here for the first to commit,
    // then finds the row and changes nothing.
    const receipt = await tx.insert(webhookReceipts).values({ id: event.webhookId, type: event.type.slice(0, 100) }).onConflictDoNothing().returning({ id: webhookReceipts.id });
    if (receipt.length === 0) return { duplicate: true, matched: null, suppressed: false, withdrawn: [] };
    const nothing: EmailEventResult = { duplicate: false, matched: null, suppressed: false, withdrawn: [] };
    if (!event.outcome || !event.emailId) return nothing;

    const column = recipientColumn[event.outcome];
    // The first report of each kind is kept (a repeated "delayed" keeps when delays began).
    const [recipient] = await tx
      .update(campaignRecipients)
      .set({ [recipientKey[event.outcome]]: sql`coalesce(${column}, ${event.occurredAt.toISOString()}::timestamptz)` })
      .where(eq(campaignRecipients.providerMessageId, event.emailId))
      .returning({ email: campaignRecipients.email, subscriberId: campaignRecipients.subscriberId });

    let address = recipient?.email ?? null;
    if (!recipient) {
      const [message] = await tx.select({ to: emailMessages.toAddress }).from(emailMessages).where(eq(emailMessages.providerMessageId, event.emailId)).limit(1);
      address = message?.to ?? null;
    }
    if (!address) return nothing;
    const matched = recipient ? "campaign" : "other";
    if (event.outcome !== "hard_bounce" && event.outcome !== "complaint") return { ...nothing, matched };

    const reason = event.outcome === "hard_bounce" ? "bounced" : "complained";
    await tx.insert(suppressions).values({ emailHash: stop.hashAddress(address), reason }).onConflictDoNothing();
    const withdrawn = await withdrawNewsletters(tx, recipient ? { id: recipient.subscriberId } : { email: address }, event.outcome === "hard_bounce" ? "bounce" : "complaint", stop);
    return { duplicate: false, matched, suppressed: true, withdrawn };
  });
}

/** Withdraws every newsletter topic the subscriber currently has granted; returns those withdrawn. */
async function withdrawNewsletters(tx: Tx, who: { id: string } | { email: string }, method: "bounce" | "complaint", stop: StopMarketing): Promise<string[]> {
  const [subscriber] = await tx
    .select({ id: subscribers.id, userId: subscribers.userId })
    .from(subscribers)
    .where("id" in who ? eq(subscribers.id, who.id) : eq(subscribers.email, who.email.trim().toLowerCase()))
    .limit(1);
  if (!subscriber) return [];
  const withdrawn: string[] = [];
  // Topics in a fixed order: two reports about one person take the ledger's locks in the same order.
  for (const topic of [...stop.topics].sort((a, b) => a.purpose.localeCompare(b.purpose))) {
    const { changed } = await recordConsentChange(
      { subscriberId: subscriber.id, userId: subscriber.userId },
      { purpose: topic.purpose, granted: false, wordingId: topic.wordingId, source: stop.source, method },
      tx,
    );
    if (changed) withdrawn.push(topic.purpose);
  }
  return withdrawn;
}
