import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createElement } from "react";
import { confirmNewsletterSubscription, getNewsletterConfirmation, requestNewsletterSubscription } from "@/db/queries/consent";
import { landingConsentSource, type Landing } from "@/lib/attribution/landing";
import { findPurpose } from "@/lib/consent/purposes";
import { sendEmail } from "@/lib/email/send";
import { NewsletterConfirmEmail } from "@/lib/email/templates/newsletter-confirm";
import { siteUrl } from "@/lib/env";
import { abuseLimits } from "@/lib/privacy/abuse-limits";
import { checkRateLimit, clientKey, limitOf, rateLimitBuckets } from "@/lib/privacy/rate-limit";
import { shopConfig } from "@/lib/shop-config";
import { keyedHash } from "@/lib/signed-token";
import { CONFIRMATION_HOURS } from "./confirmation";

export { CONFIRMATION_HOURS };
/** Abuse limits: confirmation emails per address per day, and signups per client per hour (lib/privacy/abuse-limits.ts). */
export const SIGNUP_LIMITS = { perAddressPerDay: abuseLimits.newsletterPerAddress.limit, perClientPerHour: abuseLimits.newsletterPerClient.limit };

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export type SignupRequest = {
  email: string;
  topics: string[];
  /** The form: footer, newsletter-page, links-page, checkout. */
  source: string;
  wordingId: string;
  userId?: string | null;
  /**
   * Where the visit came from (lib/attribution/current.ts). When there is one, the ledger's
   * source names the channel instead of the form (utm:instagram) and the tracked link is kept.
   */
  landing?: Landing | null;
};

/**
 * Step one of the double opt-in: record the request and email a confirmation link. The result
 * is the same whether or not the address was already subscribed, so the form cannot be used
 * to find out who is on the list.
 */
export async function startNewsletterSignup(request: SignupRequest): Promise<{ ok: true } | { ok: false; reason: "rate_limited" }> {
  const client = await clientKey();
  const limited = await checkRateLimit([
    limitOf("newsletterPerAddress", rateLimitBuckets.newsletterAddress, request.email),
    limitOf("newsletterPerClient", rateLimitBuckets.newsletterClient, client, true),
  ]);
  if (limited) return { ok: false, reason: "rate_limited" };

  const token = randomBytes(32).toString("base64url");
  await requestNewsletterSubscription({
    email: request.email,
    topics: request.topics,
    wordingId: request.wordingId,
    source: request.landing ? landingConsentSource(request.landing) : request.source,
    trackedLinkId: request.landing?.linkId ?? null,
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
 * be subscribed without its owner ever agreeing. On first use, the welcome email is owed (the worker sends it).
 */
export async function confirmNewsletterSignup(token: string) {
  if (!isConfirmationToken(token)) return { ok: false as const, reason: "invalid" as const };
  // The welcome email is owed from the same transaction and sent by the worker.
  return confirmNewsletterSubscription(hashToken(token), keyedHash("client", await clientKey()));
}
