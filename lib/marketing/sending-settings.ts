import { getEnv } from "@/lib/env";

/** The sending engine's knobs, from the environment (see lib/env.ts and README "Email"). */
export function sendingSettings() {
  const env = getEnv();
  return {
    requestsPerSecond: env.EMAIL_REQUESTS_PER_SECOND,
    leaseSeconds: env.CAMPAIGN_BATCH_LEASE_SECONDS,
    maxFailures: env.CAMPAIGN_MAX_FAILURES,
    /** Tries of one batch against a failing provider (5xx, no answer) before the campaign pauses. */
    maxBatchAttempts: 6,
  };
}
