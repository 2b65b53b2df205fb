import "server-only";
import { headers } from "next/headers";
import { rateLimitReached, recordFailure, releaseRateLimitHits, reserveRateLimits, type RateLimitRule } from "@/db/queries/rate-limits";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";
import { RATE_LIMIT_KEPT_MINUTES } from "@/lib/privacy/retention";
import { keyedHash } from "@/lib/signed-token";
import { abuseLimits, type AbuseLimitName } from "./abuse-limits";
import { TOKEN_LIMIT_MESSAGE } from "./token-limit-message";

export { abuseLimits };

/** Every abuse limit's bucket, named once: callers count against them, erasure forgets them. */
export const rateLimitBuckets = {
  signInAddress: "sign-in:address",
  signInClient: "sign-in:client",
  newsletterAddress: "newsletter:address",
  newsletterClient: "newsletter:client",
  emailChange: "email-change",
  backInStockAddress: "back-in-stock:address",
  backInStockClient: "back-in-stock:client",
  staffSignInAddress: "staff-sign-in:address",
  staffSignInClient: "staff-sign-in:client",
  checkoutClient: "checkout:client",
  checkoutCart: "checkout:cart",
  discountClient: "discount:client",
  discountCart: "discount:cart",
  tokenClient: "token-failure:client",
} as const;

export type RateLimitBucket = (typeof rateLimitBuckets)[keyof typeof rateLimitBuckets];

/**
 * Buckets keyed by something that identifies a person (their address or account), with how
 * to find that key: an account erasure deletes these hits (lib/privacy/erasure.ts).
 */
export const personalRateLimitKeys: { bucket: RateLimitBucket; keyOf: (person: { userId: string; email: string }) => string }[] = [
  { bucket: rateLimitBuckets.signInAddress, keyOf: (p) => p.email },
  { bucket: rateLimitBuckets.newsletterAddress, keyOf: (p) => p.email },
  { bucket: rateLimitBuckets.emailChange, keyOf: (p) => p.userId },
  { bucket: rateLimitBuckets.backInStockAddress, keyOf: (p) => p.email },
  { bucket: rateLimitBuckets.staffSignInAddress, keyOf: (p) => p.email },
];

/** How a key is stored: a keyed hash per bucket, never the address itself. */
export function rateLimitKeyHash(bucket: RateLimitBucket, key: string): string {
  return keyedHash(`rate-limit:${bucket}`, key.toLowerCase());
}

/**
 * Who is asking: their network address, as the connection (or a configured trusted proxy) saw
 * it, never as the client claims it. Stored only as a keyed hash: enough to slow down a script
 * that signs up thousands of strangers, never enough to identify anyone.
 */
export async function clientKey(): Promise<string> {
  return clientAddressFrom(await headers(), getEnv().TRUSTED_PROXY_HOPS);
}

export type RateLimit = { bucket: RateLimitBucket; key: string; limit: number; windowMinutes: number; perClient?: boolean };

/** A limit from lib/privacy/abuse-limits.ts, counted in a bucket under a key. */
export function limitOf(name: AbuseLimitName, bucket: RateLimitBucket, key: string, perClient = false): RateLimit {
  return { bucket, key, ...abuseLimits[name], perClient };
}

function hashedRule(l: RateLimit): RateLimitRule {
  // The retention job deletes hits older than this: a longer window would count too few.
  if (l.windowMinutes > RATE_LIMIT_KEPT_MINUTES) {
    throw new Error(`Rate limit ${l.bucket} reads ${l.windowMinutes} minutes of hits, but they are kept for ${RATE_LIMIT_KEPT_MINUTES} (lib/privacy/retention.ts)`);
  }
  return {
    bucket: l.bucket,
    keyHash: rateLimitKeyHash(l.bucket, l.key),
    limit: l.perClient ? l.limit * getEnv().CLIENT_RATE_LIMIT_FACTOR : l.limit,
    windowMinutes: l.windowMinutes,
  };
}

/** Returns the limit that was reached, or null after counting this attempt. */
export async function checkRateLimit(limits: RateLimit[]): Promise<RateLimit | null> {
  return (await reserveRateLimit(limits)).limited;
}

/**
 * Like checkRateLimit, and also hands back `release`, which forgets the hits just counted in
 * the given buckets (all when none are named): for attempts only some of which count (a
 * discount code counts only when it was wrong).
 */
export async function reserveRateLimit(limits: RateLimit[]): Promise<{ limited: RateLimit | null; release: (buckets?: RateLimitBucket[]) => Promise<void> }> {
  const hashed = limits.map(hashedRule);
  const { limited, ids } = await reserveRateLimits(hashed);
  return {
    limited: limited ? limits[hashed.indexOf(limited)]! : null,
    release: (buckets) => releaseRateLimitHits(ids.filter((h) => !buckets || (buckets as string[]).includes(h.bucket)).map((h) => h.id)),
  };
}

/** The Retry-After header (seconds) for a limit: its whole window, the longest the wait can be. */
export function retryAfter(limit: Pick<RateLimit, "windowMinutes">): Record<string, string> {
  return { "Retry-After": String(limit.windowMinutes * 60) };
}

export { TOKEN_LIMIT_MESSAGE };

/**
 * The check every emailed-link token goes through (preferences, unsubscribe, order links,
 * campaign links, confirmation links, the sign-in link): failed checks count per client, and
 * once they reach the limit every token is refused, valid or not, so guessing stops paying.
 * Cheap where it matters: a valid token costs one statement (a count); only a failure takes the
 * lock that keeps a burst of failures to exactly the limit.
 * Answers "ok", "invalid", or "limited".
 */
export async function guardTokenCheck(valid: boolean, client?: string): Promise<"ok" | "invalid" | "limited"> {
  const rule = hashedRule(limitOf("tokenFailuresPerClient", rateLimitBuckets.tokenClient, client ?? (await clientKey()), true));
  if (valid) return (await rateLimitReached(rule)) ? "limited" : "ok";
  return (await recordFailure(rule)).reached ? "limited" : "invalid";
}

/** guardTokenCheck for server actions: throws the limit's message, returns whether the token was valid. */
export async function tokenCheckOrThrow(valid: boolean): Promise<boolean> {
  const answer = await guardTokenCheck(valid);
  if (answer === "limited") throw new AppError("rate_limited", TOKEN_LIMIT_MESSAGE);
  return answer === "ok";
}

/**
 * For a token only the database can judge (a confirmation link, the sign-in link): refuses at
 * once when the client is over the limit (nothing is attempted), else attempts, and counts the
 * attempt as a failure when `failed` says so.
 */
export async function tokenLimitedAttempt<T>(attempt: () => Promise<T>, failed: (result: T) => boolean, client?: string): Promise<T> {
  const rule = hashedRule(limitOf("tokenFailuresPerClient", rateLimitBuckets.tokenClient, client ?? (await clientKey()), true));
  if (await rateLimitReached(rule)) throw new AppError("rate_limited", TOKEN_LIMIT_MESSAGE);
  const result = await attempt();
  if (failed(result)) await recordFailure(rule);
  return result;
}

/** guardTokenCheck for route handlers: a 429 with Retry-After when limited, else null. */
export async function tokenLimitResponse(valid: boolean, headersOf: Headers): Promise<Response | null> {
  const answer = await guardTokenCheck(valid, clientAddressFrom(headersOf, getEnv().TRUSTED_PROXY_HOPS));
  if (answer !== "limited") return null;
  return Response.json(
    { error: { code: "rate_limited", message: TOKEN_LIMIT_MESSAGE } },
    { status: 429, headers: { ...retryAfter(abuseLimits.tokenFailuresPerClient), "Cache-Control": "no-store" } },
  );
}
