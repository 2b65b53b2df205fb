import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { trackedLinks } from "./analytics";
import { users } from "./auth";

/**
 * Newsletter subscribers: one row per address, whether or not the person has an account.
 * Which topics they receive is never stored here: it is derived from the consent ledger.
 * Personal data: email (and the link to a user).
 */
export const subscribers = pgTable(
  "subscribers",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Lower-case. */
    email: text().notNull(),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** First double opt-in confirmation; null while only requested. */
    confirmedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("subscribers_email_key").on(t.email), index("subscribers_user_id_idx").on(t.userId), index("subscribers_created_at_idx").on(t.createdAt, t.id)],
);

export const consentActions = ["requested", "granted", "withdrawn"] as const;
export const consentMethods = ["checkbox", "double_opt_in", "privacy_centre", "preference_page", "unsubscribe_header", "unsubscribe_page", "account_deletion", "import", "bounce", "complaint", "suggestion_panel"] as const;

/**
 * The consent ledger: append-only (a trigger refuses updates, and deletes outside an account
 * erasure). A consent's current state is its latest granted/withdrawn event. `requested`
 * records a double opt-in request that is not yet consent.
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text().references(() => users.id),
    subscriberId: uuid().references(() => subscribers.id),
    /** e.g. newsletter:new-arrivals, personalisation (see lib/consent/purposes.ts). */
    purpose: text().notNull(),
    action: text({ enum: consentActions }).notNull(),
    /** The versioned id of the exact words the person saw, e.g. newsletter-signup@2026-11. */
    wordingId: text().notNull(),
    /** Which form or page: checkout, footer, newsletter-page, privacy-centre, email-link… */
    source: text().notNull(),
    method: text({ enum: consentMethods }).notNull(),
    /** Keyed hash of the client address, for abuse investigations; never the raw IP. */
    clientHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * When the person gave this consent, as declared by the list it was imported from (method
     * `import`); null for consent given here, where createdAt is that moment.
     */
    declaredAt: timestamp({ withTimezone: true }),
    /** The tracked link (/go/…) whose visit led to this signup; source then names its channel (utm:instagram). */
    trackedLinkId: integer().references(() => trackedLinks.id),
  },
  (t) => [
    index("consent_events_user_idx").on(t.userId, t.purpose, t.id),
    index("consent_events_subscriber_idx").on(t.subscriberId, t.purpose, t.id),
    // The subscriber list's "signed up via" choices (a skip scan instead of the whole ledger),
    // and who may have signed up via one source (an index-only scan).
    index("consent_events_newsletter_source_idx").on(t.source, t.subscriberId).where(sql`${t.purpose} like 'newsletter:%' and ${t.action} <> 'withdrawn'`),
    index("consent_events_tracked_link_idx").on(t.trackedLinkId, t.createdAt).where(sql`${t.trackedLinkId} is not null`),
    check("consent_events_subject_check", sql`${t.userId} is not null or ${t.subscriberId} is not null`),
  ],
);

/**
 * The exact words people saw when they consented somewhere else, brought in by a subscriber
 * import. The id (a content hash, "imported-…") is what the ledger's wordingId holds, so an
 * imported consent points to its real wording rather than to a wording the shop never showed.
 */
export const consentWordings = pgTable("consent_wordings", {
  id: text().primaryKey(),
  text: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Pending double opt-ins. The emailed token is stored only as a SHA-256 hash. */
export const newsletterConfirmations = pgTable(
  "newsletter_confirmations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    subscriberId: uuid()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    topics: text().array().notNull(),
    wordingId: text().notNull(),
    source: text().notNull(),
    /** The tracked link whose visit led here, carried to the grant when the link is used. */
    trackedLinkId: integer().references(() => trackedLinks.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("newsletter_confirmations_token_key").on(t.tokenHash), index("newsletter_confirmations_subscriber_idx").on(t.subscriberId)],
);

/**
 * Addresses that must never be imported or mailed again by the merchant, kept as a keyed hash
 * (HMAC with AUTH_SECRET) so the list itself holds no address.
 */
export const suppressions = pgTable("suppressions", {
  emailHash: text().primaryKey(),
  reason: text({ enum: ["account_deleted", "unsubscribed", "bounced", "complained"] }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Abuse limits (every one: lib/privacy/abuse-limits.ts), one row per counted attempt; keys are keyed hashes. */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    bucket: text().notNull(),
    keyHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rate_limit_hits_lookup_idx").on(t.bucket, t.keyHash, t.createdAt)],
);
