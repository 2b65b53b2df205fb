/**
 * `npm run retention`: runs the retention job once, now — what the worker's daily `retention`
 * job does at 03:41 UTC (lib/jobs/worker.ts). For operators: after changing a period in
 * lib/privacy/retention.ts, or to check what a run would take on a copy of the database.
 * Uses DATABASE_URL, or the embedded development database when it is unset.
 */
import { prepareDatabase, resolveDatabase } from "./lib/database";

const db = await resolveDatabase({ log: () => {} });
await prepareDatabase(db.url, { seed: "never" });
process.env.DATABASE_URL = db.url;
const { runRetention } = await import("../db/queries/retention");
const { retentionRules, formatRetentionPeriod } = await import("../lib/privacy/retention");
let failed = false;
try {
  const results = await runRetention();
  for (const result of results) {
    const rule = retentionRules.find((r) => r.id === result.id)!;
    console.log(`${String(result.deleted).padStart(8)}  ${result.id.padEnd(26)} ${rule.table} (${rule.covers}; kept ${formatRetentionPeriod(rule.period)})`);
  }
  console.log(`${String(results.reduce((sum, r) => sum + r.deleted, 0)).padStart(8)}  rows deleted in all`);
} catch (error) {
  failed = true;
  console.error("The retention run failed:", error instanceof Error ? error.message : error);
} finally {
  await db.embedded?.stop();
  process.exit(failed ? 1 : 0);
}
