import "server-only";
import { headers } from "next/headers";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { getEnv } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";
import { keyedHash } from "@/lib/signed-token";

/**
 * Who is asking: their network address, as the connection (or a configured trusted proxy) saw
 * it, never as the client claims it. Stored only as a keyed hash: enough to slow down a script
 * that signs up thousands of strangers, never enough to identify anyone.
 */
export async function clientKey(): Promise<string> {
  return clientAddressFrom(await headers(), getEnv().TRUSTED_PROXY_HOPS);
}

export type RateLimit = { bucket: string; key: string; limit: number; windowMinutes: number; perClient?: boolean };

/** Returns the limit that was reached, or null after counting this attempt. */
export async function checkRateLimit(limits: RateLimit[]): Promise<RateLimit | null> {
  const factor = getEnv().CLIENT_RATE_LIMIT_FACTOR;
  const hashed = limits.map((l) => ({
    bucket: l.bucket,
    keyHash: keyedHash(`rate-limit:${l.bucket}`, l.key.toLowerCase()),
    limit: l.perClient ? l.limit * factor : l.limit,
    windowMinutes: l.windowMinutes,
  }));
  const hit = await hitRateLimits(hashed);
  return hit ? limits[hashed.indexOf(hit)]! : null;
}
