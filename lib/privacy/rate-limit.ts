import "server-only";
import { headers } from "next/headers";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { getEnv } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";
import { RATE_LIMIT_KEPT_MINUTES } from "@/lib/privacy/retention";
import { keyedHash } from "@/lib/signed-token";

/** Every abuse limit's bucket, named once: callers count against them, erasure forgets them. */
export const rateLimitBuckets = {
  signInAddress: "sign-in:address",
  signInClient: "sign-in:client",
  newsletterAddress: "newsletter:address",
  newsletterClient: "newsletter:client",
  emailChange: "email-change",
  backInStockAddress: "back-in-stock:address",
  backInStockClient: "back-in-stock:client",
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

/** Returns the limit that was reached, or null after counting this attempt. */
export async function checkRateLimit(limits: RateLimit[]): Promise<RateLimit | null> {
  // The retention job deletes hits older than this: a longer window would count too few.
  const tooLong = limits.find((l) => l.windowMinutes > RATE_LIMIT_KEPT_MINUTES);
  if (tooLong) throw new Error(`Rate limit ${tooLong.bucket} reads ${tooLong.windowMinutes} minutes of hits, but they are kept for ${RATE_LIMIT_KEPT_MINUTES} (lib/privacy/retention.ts)`);
  const factor = getEnv().CLIENT_RATE_LIMIT_FACTOR;
  const hashed = limits.map((l) => ({
    bucket: l.bucket,
    keyHash: rateLimitKeyHash(l.bucket, l.key),
    limit: l.perClient ? l.limit * factor : l.limit,
    windowMinutes: l.windowMinutes,
  }));
  const hit = await hitRateLimits(hashed);
  return hit ? limits[hashed.findIndex((h) => h === hit)]! : null;
}
