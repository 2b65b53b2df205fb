import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { subscribers } from "./privacy";

/**
 * A saved audience rule set ("bought from Candles, not in 90 days"), evaluated when a campaign
 * starts sending, never stored as a list of people. The rules are validated by
 * lib/marketing/segment-rules.ts; who may be reached at all (an active grant for the campaign's
 * topic, not suppressed) is decided by the audience query, never by the rules.
 */
export const segments = pgTable("segments", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  rules: jsonb().notNull(),
  createdBy: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const campaignStatuses = ["draft", "scheduled", "sending", "paused", "cancelled", "sent"] as const;

/**
 * A newsletter issue. Its content (subject, preheader, body, topic, segment) can change while
 * it is a draft or scheduled; from the moment it starts sending a trigger refuses any change
 * to it (migration 0018), so every recipient gets the same email.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid().primaryKey().defaultRandom(),
    subject: text().notNull(),
    preheader: text().notNull().default(""),
    /** Markdown, rendered by lib/email/templates/campaign.tsx for the preview and the send. */
    body: text().notNull(),
    /** The newsletter topic (consent purpose) it is sent under, e.g. newsletter:offers. */
    topic: text().notNull(),
    /** Null: everyone subscribed to the topic. */
    segmentId: uuid().references(() => segments.id, { onDelete: "restrict" }),
    status: text({ enum: campaignStatuses }).notNull().default("draft"),
    scheduledAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    /** Why sending stopped on its own ("12 emails failed"), shown to the marketer. */
    pausedReason: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_status_idx").on(t.status, t.scheduledAt)],
);

export const recipientStatuses = ["queued", "sending", "sent", "failed", "skipped", "cancelled"] as const;

/**
 * One row per person a campaign goes to, written in one transaction when sending starts (the
 * audience snapshot). The unique (campaign, subscriber) pair and the batch a row belongs to are
 * what make every recipient get exactly one email: a batch is always re-sent with its own
 * idempotency key, never re-formed.
 */
export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    subscriberId: uuid()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    /** The address at snapshot time (erased with the subscriber). */
    email: text().notNull(),
    /** The grant the email is sent under, for its "why you get this" line. */
    consentSource: text().notNull(),
    consentAt: timestamp({ withTimezone: true }).notNull(),
    status: text({ enum: recipientStatuses }).notNull().default("queued"),
    batchId: bigint({ mode: "number" }),
    providerMessageId: text(),
    error: text(),
    /** Why it was skipped: unsubscribed, suppressed (bounce, complaint) after the snapshot. */
    skipReason: text(),
    sentAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    delayedAt: timestamp({ withTimezone: true }),
    bouncedAt: timestamp({ withTimezone: true }),
    complainedAt: timestamp({ withTimezone: true }),
    unsubscribedAt: timestamp({ withTimezone: true }),
    /** First click on a link, only while the shop has individual click tracking on (off by default). */
    clickedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("campaign_recipients_person_key").on(t.campaignId, t.subscriberId),
    index("campaign_recipients_queue_idx").on(t.campaignId, t.id).where(sql`${t.status} = 'queued'`),
    index("campaign_recipients_batch_idx").on(t.batchId),
    uniqueIndex("campaign_recipients_message_key").on(t.providerMessageId),
  ],
);

/**
 * A batch of up to 100 recipients handed to the provider in one call. Its idempotency key is
 * fixed when it is formed; a worker that dies mid-call leaves the batch leased, and whoever
 * takes it over sends the same recipients with the same key, which the provider delivers once.
 */
export const campaignBatches = pgTable(
  "campaign_batches",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull(),
    attempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("campaign_batches_key").on(t.idempotencyKey),
    index("campaign_batches_open_idx").on(t.campaignId, t.id).where(sql`${t.sentAt} is null`),
  ],
);

/**
 * Clicks on links in campaign emails, counted per campaign and link; never tied to a person
 * (individual tracking is a shop setting that is off by default).
 */
export const campaignLinkClicks = pgTable(
  "campaign_link_clicks",
  {
    campaignId: uuid()
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    url: text().notNull(),
    clicks: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("campaign_link_clicks_key").on(t.campaignId, t.url)],
);

/**
 * The provider's send rate shared by every worker: each batch takes the next free slot, so two
 * workers together still keep to the configured rate.
 */
export const sendRateSlots = pgTable("send_rate_slots", {
  name: text().primaryKey(),
  nextAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Webhook deliveries already processed (by their id), so a replay changes nothing. */
export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    id: text().primaryKey(),
    type: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("webhook_receipts_id_length", sql`length(${t.id}) <= 200`)],
);
