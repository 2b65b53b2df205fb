import "server-only";
import { headers } from "next/headers";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { getEnv } from "@/lib/env";
import { keyedHash } from "@/lib/signed-token";

/**
 * Who is asking, as a keyed hash of their network address: enough to slow down a script that
 * signs up thousands of strangers, never enough to identify anyone (no raw IP is stored).
 */
export async function clientKey(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
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
