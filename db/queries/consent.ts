import "server-only";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "../index";
import { enqueueWelcomeEmail } from "./outbox";
import { consentEvents, newsletterConfirmations, subscribers, suppressions, trackedLinks, users, type consentMethods } from "../schema";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
type Executor = ReturnType<typeof getDb> | Tx;

export type ConsentMethod = (typeof consentMethods)[number];
export type ConsentSubject = { userId?: string | null; subscriberId?: string | null };
export type ConsentChange = {
  purpose: string;
  granted: boolean;
  wordingId: string;
  source: string;
  method: ConsentMethod;
  clientHash?: string | null;
  /** The tracked link whose visit led to a signup (already checked to exist). */
  trackedLinkId?: number | null;
};
export type ConsentState = { purpose: string; granted: boolean; at: Date; source: string; method: ConsentMethod };
export type ConsentEventDto = { id: number; purpose: string; action: "requested" | "granted" | "withdrawn"; wordingId: string; source: string; method: ConsentMethod; createdAt: Date; declaredAt: Date | null };

/** Newsletter topics belong to the subscriber (the address); other purposes to the account. */
function subjectColumn(purpose: string) {
  return purpose.startsWith("newsletter:") ? "subscriber" : "user";
}

function subjectKey(subject: ConsentSubject, purpose: string) {
  const id = subjectColumn(purpose) === "subscriber" ? subject.subscriberId : subject.userId;
  if (!id) throw new Error(`Consent for ${purpose} needs a ${subjectColumn(purpose)} id`);
  return id;
}

/**
 * Records a grant or withdrawal, unless it is already the current state (a double click or a
 * repeated unsubscribe adds nothing). Changes for one subject and purpose are serialised by an
 * advisory lock, so the latest event by id is always the current state, even under races.
 */
export async function recordConsentChange(subject: ConsentSubject, change: ConsentChange, executor?: Tx): Promise<{ changed: boolean }> {
  const run = async (tx: Tx) => {
    const key = subjectKey(subject, change.purpose);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`consent:${key}:${change.purpose}`}))`);
    const current = await currentState(tx, subject, change.purpose);
    if (current && current.granted === change.granted) return { changed: false };
    if (!current && !change.granted) return { changed: false };
    await tx.insert(consentEvents).values({
      userId: subject.userId ?? null,
      subscriberId: subject.subscriberId ?? null,
      purpose: change.purpose,
      action: change.granted ? "granted" : "withdrawn",
      wordingId: change.wordingId,
      source: change.source,
      method: change.method,
      clientHash: change.clientHash ?? null,
      trackedLinkId: change.trackedLinkId ?? null,
    });
    return { changed: true };
  };
  return executor ? run(executor) : getDb().transaction(run);
}

function subjectFilter(subject: ConsentSubject, purpose: string) {
  return subjectColumn(purpose) === "subscriber" ? eq(consentEvents.subscriberId, subject.subscriberId!) : eq(consentEvents.userId, subject.userId!);
}

async function currentState(db: Executor, subject: ConsentSubject, purpose: string): Promise<ConsentState | null> {
  const [row] = await db
    .select({ action: consentEvents.action, createdAt: consentEvents.createdAt, source: consentEvents.source, method: consentEvents.method })
    .from(consentEvents)
    .where(and(subjectFilter(subject, purpose), eq(consentEvents.purpose, purpose), sql`${consentEvents.action} <> 'requested'`))
    .orderBy(desc(consentEvents.id))
    .limit(1);
  return row ? { purpose, granted: row.action === "granted", at: row.createdAt, source: row.source, method: row.method } : null;
}

/** The current state of each purpose, derived from the ledger (latest grant or withdrawal). */
export async function getConsentStates(subject: ConsentSubject, purposes: readonly string[]): Promise<Map<string, ConsentState>> {
  const states = new Map<string, ConsentState>();
  const applicable = purposes.filter((p) => (subjectColumn(p) === "subscriber" ? subject.subscriberId : subject.userId));
  const rows = await Promise.all(applicable.map((p) => currentState(getDb(), subject, p)));
  for (const row of rows) if (row) states.set(row.purpose, row);
  return states;
}

/** Every event about this person (as account holder or as subscriber), oldest first. */
export async function listConsentHistory(subject: ConsentSubject): Promise<ConsentEventDto[]> {
  const filters = [subject.userId ? eq(consentEvents.userId, subject.userId) : undefined, subject.subscriberId ? eq(consentEvents.subscriberId, subject.subscriberId) : undefined].filter(Boolean);
  if (filters.length === 0) return [];
  return getDb()
    .select({
      id: consentEvents.id,
      purpose: consentEvents.purpose,
      action: consentEvents.action,
      wordingId: consentEvents.wordingId,
      source: consentEvents.source,
      method: consentEvents.method,
      createdAt: consentEvents.createdAt,
      declaredAt: consentEvents.declaredAt,
    })
    .from(consentEvents)
    .where(or(...filters))
    .orderBy(consentEvents.id);
}

// ---- subscribers ----------------------------------------------------------------------

export type SubscriberDto = { id: string; email: string; userId: string | null; createdAt: Date; confirmedAt: Date | null };

const subscriberColumns = { id: subscribers.id, email: subscribers.email, userId: subscribers.userId, createdAt: subscribers.createdAt, confirmedAt: subscribers.confirmedAt };

export async function getSubscriber(subscriberId: string): Promise<SubscriberDto | null> {
  if (!/^[0-9a-f-]{36}$/.test(subscriberId)) return null;
  const [row] = await getDb().select(subscriberColumns).from(subscribers).where(eq(subscribers.id, subscriberId)).limit(1);
  return row ?? null;
}

/** The subscriber record for a signed-in person: linked to the account, or with its address. */
export async function getSubscriberForUser(userId: string, email: string): Promise<SubscriberDto | null> {
  const [row] = await getDb()
    .select(subscriberColumns)
    .from(subscribers)
    .where(or(eq(subscribers.userId, userId), and(eq(subscribers.email, email), isNull(subscribers.userId))))
    .orderBy(sql`${subscribers.userId} is null`)
    .limit(1);
  return row ?? null;
}

/**
 * The subscriber record for an address. It is linked to `userId` only when that account's own
 * (magic-link proven) address is this address: a signed-in person who types a stranger's
 * address must never gain the stranger's subscription, its history or its switches.
 */
async function upsertSubscriber(tx: Tx, email: string, userId?: string | null, confirmed = false): Promise<{ id: string; userId: string | null }> {
  const owner = userId ? sql`(select ${users.id} from ${users} where ${users.id} = ${userId} and ${users.email} = ${email})` : sql`null`;
  const [row] = await tx
    .insert(subscribers)
    .values({ email, userId: owner, confirmedAt: confirmed ? sql`now()` : null })
    .onConflictDoUpdate({
      target: subscribers.email,
      set: {
        userId: sql`coalesce(${subscribers.userId}, excluded.user_id)`,
        confirmedAt: confirmed ? sql`coalesce(${subscribers.confirmedAt}, now())` : sql`${subscribers.confirmedAt}`,
      },
    })
    .returning({ id: subscribers.id, userId: subscribers.userId });
  return row!;
}

/**
 * A signed-in person switches a newsletter topic in their privacy centre. Their address is
 * proven by the magic link they signed in with, so no second confirmation is needed.
 */
export async function setTopicForUser(userId: string, email: string, change: ConsentChange): Promise<{ changed: boolean }> {
  return getDb().transaction(async (tx) => {
    const existing = await tx
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(or(eq(subscribers.userId, userId), and(eq(subscribers.email, email), isNull(subscribers.userId))))
      .orderBy(sql`${subscribers.userId} is null`)
      .limit(1);
    if (!existing[0] && !change.granted) return { changed: false };
    const subscriberId = existing[0]?.id ?? (await upsertSubscriber(tx, email, userId, true)).id;
    if (change.granted) await tx.update(subscribers).set({ userId, confirmedAt: sql`coalesce(${subscribers.confirmedAt}, now())` }).where(eq(subscribers.id, subscriberId));
    return recordConsentChange({ subscriberId, userId }, change, tx);
  });
}

// ---- double opt-in ----------------------------------------------------------------------

export type NewsletterRequest = {
  email: string;
  topics: string[];
  wordingId: string;
  source: string;
  tokenHash: string;
  expiresAt: Date;
  clientHash: string | null;
  userId?: string | null;
  /** From the visitor's landing cookie, so unchecked: kept only if the link exists. */
  trackedLinkId?: number | null;
};

/** Records the request (not yet consent) and the pending confirmation. */
export async function requestNewsletterSubscription(request: NewsletterRequest): Promise<{ subscriberId: string }> {
  return getDb().transaction(async (tx) => {
    const subscriber = await upsertSubscriber(tx, request.email, request.userId);
    const subscriberId = subscriber.id;
    const trackedLinkId = request.trackedLinkId ? ((await tx.select({ id: trackedLinks.id }).from(trackedLinks).where(eq(trackedLinks.id, request.trackedLinkId)))[0]?.id ?? null) : null;
    await tx.insert(consentEvents).values(
      request.topics.map((purpose) => ({
        subscriberId,
        userId: subscriber.userId,
        purpose,
        action: "requested" as const,
        wordingId: request.wordingId,
        source: request.source,
        method: "checkbox" as const,
        clientHash: request.clientHash,
        trackedLinkId,
      })),
    );
    await tx.insert(newsletterConfirmations).values({
      subscriberId,
      tokenHash: request.tokenHash,
      topics: request.topics,
      wordingId: request.wordingId,
      source: request.source,
      trackedLinkId,
      expiresAt: request.expiresAt,
    });
    return { subscriberId };
  });
}

export type PendingConfirmationDto = { subscriberId: string; email: string; topics: string[]; state: "pending" | "used" | "expired" };

/** What a confirmation link stands for, without using it: the page shows this before the click. */
export async function getNewsletterConfirmation(tokenHash: string): Promise<PendingConfirmationDto | null> {
  const [row] = await getDb()
    .select({ subscriberId: subscribers.id, email: subscribers.email, topics: newsletterConfirmations.topics, expiresAt: newsletterConfirmations.expiresAt, usedAt: newsletterConfirmations.usedAt })
    .from(newsletterConfirmations)
    .innerJoin(subscribers, eq(subscribers.id, newsletterConfirmations.subscriberId))
    .where(eq(newsletterConfirmations.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const state = row.usedAt ? "used" : row.expiresAt.getTime() < Date.now() ? "expired" : "pending";
  return { subscriberId: row.subscriberId, email: row.email, topics: row.topics, state };
}

export type ConfirmationResult =
  | { ok: true; subscriber: SubscriberDto; topics: string[]; source: string; alreadyConfirmed: boolean }
  | { ok: false; reason: "invalid" | "expired" };

/**
 * Activates a pending subscription: the second step of the double opt-in. A used link shows
 * the same success again (a person clicking twice is not an error) but records nothing new.
 */
export async function confirmNewsletterSubscription(tokenHash: string, clientHash: string | null): Promise<ConfirmationResult> {
  return getDb().transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: newsletterConfirmations.id, subscriberId: newsletterConfirmations.subscriberId, topics: newsletterConfirmations.topics, wordingId: newsletterConfirmations.wordingId, source: newsletterConfirmations.source, trackedLinkId: newsletterConfirmations.trackedLinkId, expiresAt: newsletterConfirmations.expiresAt, usedAt: newsletterConfirmations.usedAt })
      .from(newsletterConfirmations)
      .where(eq(newsletterConfirmations.tokenHash, tokenHash))
      .for("update");
    if (!pending) return { ok: false, reason: "invalid" };
    const [subscriber] = await tx.select(subscriberColumns).from(subscribers).where(eq(subscribers.id, pending.subscriberId));
    if (!subscriber) return { ok: false, reason: "invalid" };
    if (pending.usedAt) return { ok: true, subscriber, topics: pending.topics, source: pending.source, alreadyConfirmed: true };
    if (pending.expiresAt.getTime() < Date.now()) return { ok: false, reason: "expired" };
    await tx.update(newsletterConfirmations).set({ usedAt: sql`now()` }).where(eq(newsletterConfirmations.id, pending.id));
    const [confirmed] = await tx.update(subscribers).set({ confirmedAt: sql`coalesce(${subscribers.confirmedAt}, now())` }).where(eq(subscribers.id, subscriber.id)).returning(subscriberColumns);
    for (const purpose of pending.topics) {
      await recordConsentChange({ subscriberId: subscriber.id, userId: subscriber.userId }, { purpose, granted: true, wordingId: pending.wordingId, source: pending.source, method: "double_opt_in", clientHash, trackedLinkId: pending.trackedLinkId }, tx);
    }
    // The welcome is owed from this commit on; the worker sends it (once per subscriber).
    await enqueueWelcomeEmail(tx, subscriber.id);
    return { ok: true, subscriber: confirmed!, topics: pending.topics, source: pending.source, alreadyConfirmed: false };
  });
}

/** Sets each listed topic on or off for a subscriber (preference page, unsubscribe). */
export async function setSubscriberTopics(subscriberId: string, changes: ConsentChange[]): Promise<{ changed: number }> {
  return getDb().transaction(async (tx) => {
    const [subscriber] = await tx.select({ userId: subscribers.userId }).from(subscribers).where(eq(subscribers.id, subscriberId));
    if (!subscriber) return { changed: 0 };
    let changed = 0;
    for (const change of changes) {
      if ((await recordConsentChange({ subscriberId, userId: subscriber.userId }, change, tx)).changed) changed++;
    }
    return { changed };
  });
}

// ---- suppression ----------------------------------------------------------------------

export async function isSuppressed(emailHash: string): Promise<boolean> {
  const [row] = await getDb().select({ h: suppressions.emailHash }).from(suppressions).where(eq(suppressions.emailHash, emailHash)).limit(1);
  return Boolean(row);
}

/**
 * Adds an address a merchant brought from elsewhere (a list import). Unlike a signup, this
 * records no consent: the topics stay off until the person confirms. Refused for addresses
 * on the suppression list, i.e. people who deleted their account here.
 */
export async function importSubscriber(email: string, emailHash: string): Promise<"added" | "exists" | "suppressed"> {
  if (await isSuppressed(emailHash)) return "suppressed";
  const rows = await getDb().insert(subscribers).values({ email }).onConflictDoNothing({ target: subscribers.email }).returning({ id: subscribers.id });
  return rows.length ? "added" : "exists";
}
