import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createElement } from "react";
import { confirmNewsletterSubscription, getConsentStates, getNewsletterConfirmation, requestNewsletterSubscription } from "@/db/queries/consent";
import { findPurpose, newsletterTopicIds } from "@/lib/consent/purposes";
import { sendEmail } from "@/lib/email/send";
import { NewsletterConfirmEmail } from "@/lib/email/templates/newsletter-confirm";
import { NewsletterWelcomeEmail } from "@/lib/email/templates/newsletter-welcome";
import { siteUrl } from "@/lib/env";
import { checkRateLimit, clientKey, rateLimitBuckets } from "@/lib/privacy/rate-limit";
import { shopConfig } from "@/lib/shop-config";
import { keyedHash } from "@/lib/signed-token";
import { listUnsubscribeHeaders, preferencesUrl, unsubscribeUrl } from "./links";
import { subscriptionReason } from "./why";

export const CONFIRMATION_HOURS = 48;
/** Abuse limits: confirmation emails per address per day, and signups per client per hour. */
export const SIGNUP_LIMITS = { perAddressPerDay: 3, perClientPerHour: 10 };

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export type SignupRequest = { email: string; topics: string[]; source: string; wordingId: string; userId?: string | null };

/**
 * Step one of the double opt-in: record the request and email a confirmation link. The result
 * is the same whether or not the address was already subscribed, so the form cannot be used
 * to find out who is on the list.
 */
export async function startNewsletterSignup(request: SignupRequest): Promise<{ ok: true } | { ok: false; reason: "rate_limited" }> {
  const client = await clientKey();
  const limited = await checkRateLimit([
    { bucket: rateLimitBuckets.newsletterAddress, key: request.email, limit: SIGNUP_LIMITS.perAddressPerDay, windowMinutes: 24 * 60 },
    { bucket: rateLimitBuckets.newsletterClient, key: client, limit: SIGNUP_LIMITS.perClientPerHour, windowMinutes: 60, perClient: true },
  ]);
  if (limited) return { ok: false, reason: "rate_limited" };

  const token = randomBytes(32).toString("base64url");
  await requestNewsletterSubscription({
    email: request.email,
    topics: request.topics,
    wordingId: request.wordingId,
    source: request.source,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + CONFIRMATION_HOURS * 3_600_000),
    clientHash: keyedHash("client", client),
    userId: request.userId,
  });
  await sendEmail({
    to: request.email,
    subject: `Please confirm your subscription to ${shopConfig.name}`,
    template: "newsletter-confirm",
    reason: "You (or someone with your address) asked to subscribe to our emails.",
    category: "transactional",
    react: createElement(NewsletterConfirmEmail, {
      url: `${siteUrl()}/newsletter/confirm?token=${token}`,
      siteUrl: siteUrl(),
      topics: request.topics.map((t) => findPurpose(t)?.label ?? t),
      hours: CONFIRMATION_HOURS,
    }),
  });
  return { ok: true };
}

const isConfirmationToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** What the emailed link would confirm, for the page it opens (which changes nothing). */
export async function readNewsletterConfirmation(token: string) {
  return isConfirmationToken(token) ? getNewsletterConfirmation(hashToken(token)) : null;
}

/**
 * Step two: the button on the page the emailed link opens (a POST). Mail scanners open every
 * link in a message, so a GET must never confirm: a stranger's scanned mailbox would otherwise
 * be subscribed without its owner ever agreeing. On first use, sends the welcome email.
 */
export async function confirmNewsletterSignup(token: string) {
  if (!isConfirmationToken(token)) return { ok: false as const, reason: "invalid" as const };
  const result = await confirmNewsletterSubscription(hashToken(token), keyedHash("client", await clientKey()));
  if (result.ok && !result.alreadyConfirmed) {
    try {
      await sendWelcomeEmail(result.subscriber.id, result.subscriber.email);
    } catch (error) {
      // The subscription stands; a failed welcome is recorded by the email module.
      console.error("Newsletter welcome email failed", error instanceof Error ? error.message : error);
    }
  }
  return result;
}

async function sendWelcomeEmail(subscriberId: string, email: string) {
  const states = await getConsentStates({ subscriberId }, newsletterTopicIds);
  const granted = [...states.values()].filter((s) => s.granted);
  if (granted.length === 0) return;
  const why = subscriptionReason(granted);
  await sendEmail({
    to: email,
    subject: `Welcome to ${shopConfig.name}`,
    template: "newsletter-welcome",
    reason: why,
    category: "marketing",
    audience: { subscriberId, topics: granted.map((g) => g.purpose) },
    headers: listUnsubscribeHeaders(subscriberId),
    react: createElement(NewsletterWelcomeEmail, {
      siteUrl: siteUrl(),
      why,
      topics: granted.map((g) => findPurpose(g.purpose)?.label ?? g.purpose),
      preferencesUrl: preferencesUrl(subscriberId),
      unsubscribeUrl: unsubscribeUrl(subscriberId),
    }),
  });
}
