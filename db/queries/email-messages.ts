import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "../index";
import { emailMessages } from "../schema";

export type EmailRecordInput = {
  toAddress: string;
  subject: string;
  template: string;
  reason: string;
  category: (typeof emailMessages.$inferInsert)["category"];
};

export type EmailRecordDto = EmailRecordInput & {
  id: string;
  status: "sending" | "sent" | "failed";
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** Written before the provider is called, so a crash mid-send still leaves a trace. */
export async function recordEmailAttempt(input: EmailRecordInput): Promise<string> {
  const [row] = await getDb().insert(emailMessages).values(input).returning({ id: emailMessages.id });
  return row!.id;
}

export async function markEmailSent(id: string, providerMessageId: string) {
  await getDb().update(emailMessages).set({ status: "sent", providerMessageId, sentAt: sql`now()` }).where(eq(emailMessages.id, id));
}

export async function markEmailFailed(id: string, error: string) {
  await getDb().update(emailMessages).set({ status: "failed", error: error.slice(0, 500) }).where(eq(emailMessages.id, id));
}

const columns = {
  id: emailMessages.id,
  toAddress: emailMessages.toAddress,
  subject: emailMessages.subject,
  template: emailMessages.template,
  reason: emailMessages.reason,
  category: emailMessages.category,
  status: emailMessages.status,
  providerMessageId: emailMessages.providerMessageId,
  createdAt: emailMessages.createdAt,
  sentAt: emailMessages.sentAt,
};

export async function getEmailRecord(id: string): Promise<EmailRecordDto | null> {
  const [row] = await getDb().select(columns).from(emailMessages).where(eq(emailMessages.id, id)).limit(1);
  return row ?? null;
}

/** The emails sent to one address, newest first (for the recipient's data export). */
export async function listEmailsSentTo(address: string, limit = 500): Promise<EmailRecordDto[]> {
  return getDb()
    .select(columns)
    .from(emailMessages)
    .where(eq(sql`lower(${emailMessages.toAddress})`, address.toLowerCase()))
    .orderBy(desc(emailMessages.createdAt))
    .limit(limit);
}
