import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb } from "../index";
import { rateLimitHits } from "../schema";

export type RateLimitRule = { bucket: string; keyHash: string; limit: number; windowMinutes: number };

/**
 * Counts this attempt against every rule, or refuses it (recording nothing) when any rule is
 * already at its limit. Each key is locked for the check, so a burst cannot slip past. The ids
 * of the hits recorded are returned, for an attempt that turns out not to count (a valid
 * discount code) to be forgotten with releaseRateLimitHits.
 */
export async function reserveRateLimits(rules: RateLimitRule[]): Promise<{ limited: RateLimitRule | null; ids: { bucket: string; id: number }[] }> {
  return getDb().transaction(async (tx) => {
    for (const rule of [...rules].sort((a, b) => `${a.bucket}${a.keyHash}`.localeCompare(`${b.bucket}${b.keyHash}`))) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rate:${rule.bucket}:${rule.keyHash}`}))`);
    }
    for (const rule of rules) {
      const [row] = (await tx.execute(sql`
        select count(*)::int as hits from rate_limit_hits
        where bucket = ${rule.bucket} and key_hash = ${rule.keyHash}
          and created_at > now() - make_interval(mins => ${rule.windowMinutes})`)) as unknown as [{ hits: number }];
      if (row!.hits >= rule.limit) return { limited: rule, ids: [] };
    }
    const rows = await tx
      .insert(rateLimitHits)
      .values(rules.map((r) => ({ bucket: r.bucket, keyHash: r.keyHash })))
      .returning({ id: rateLimitHits.id, bucket: rateLimitHits.bucket });
    return { limited: null, ids: rows };
  });
}

export async function hitRateLimits(rules: RateLimitRule[]): Promise<RateLimitRule | null> {
  return (await reserveRateLimits(rules)).limited;
}

/** Forgets hits that turned out not to count. */
export async function releaseRateLimitHits(ids: number[]): Promise<void> {
  if (ids.length) await getDb().delete(rateLimitHits).where(inArray(rateLimitHits.id, ids));
}

/** Whether the rule is reached, counting nothing (one statement). */
export async function rateLimitReached(rule: RateLimitRule): Promise<boolean> {
  const [row] = (await getDb().execute(sql`
    select count(*)::int >= ${rule.limit} as reached from rate_limit_hits
    where bucket = ${rule.bucket} and key_hash = ${rule.keyHash}
      and created_at > now() - make_interval(mins => ${rule.windowMinutes})`)) as unknown as [{ reached: boolean }];
  return row!.reached;
}

/**
 * Records a failure (a wrong token) unless the rule is already reached, and answers whether it
 * was. Locked like reserveRateLimits, so a burst of failures records (and has judged) exactly
 * the limit, never more; only failures pay for the lock, a valid token costs one count.
 */
export async function recordFailure(rule: RateLimitRule): Promise<{ reached: boolean }> {
  return { reached: (await reserveRateLimits([rule])).limited !== null };
}
