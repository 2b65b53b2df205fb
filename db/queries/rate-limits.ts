import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../index";
import { rateLimitHits } from "../schema";

export type RateLimitRule = { bucket: string; keyHash: string; limit: number; windowMinutes: number };

/**
 * Counts this attempt against every rule, or refuses it (recording nothing) when any rule is
 * already at its limit. Each key is locked for the check, so a burst cannot slip past.
 */
export async function hitRateLimits(rules: RateLimitRule[]): Promise<RateLimitRule | null> {
  return getDb().transaction(async (tx) => {
    for (const rule of [...rules].sort((a, b) => `${a.bucket}${a.keyHash}`.localeCompare(`${b.bucket}${b.keyHash}`))) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rate:${rule.bucket}:${rule.keyHash}`}))`);
    }
    for (const rule of rules) {
      const [row] = (await tx.execute(sql`
        select count(*)::int as hits from rate_limit_hits
        where bucket = ${rule.bucket} and key_hash = ${rule.keyHash}
          and created_at > now() - make_interval(mins => ${rule.windowMinutes})`)) as unknown as [{ hits: number }];
      if (row!.hits >= rule.limit) return rule;
    }
    await tx.insert(rateLimitHits).values(rules.map((r) => ({ bucket: r.bucket, keyHash: r.keyHash })));
    return null;
  });
}
