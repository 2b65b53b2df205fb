/**
 * The overview's SQL timed straight through the data access layer, without Next.js, so the
 * figure means something before the pages around it exist:
 *   tsx --import ./scripts/lib/server-only-hook.mjs scripts/bench/admin-dal.ts <database-url> <label>
 */
import { percentile } from "./server";

const [databaseUrl, label = ""] = process.argv.slice(2);
if (!databaseUrl) {
  console.error("usage: admin-dal.ts <database-url> [label]");
  process.exit(2);
}
process.env.DATABASE_URL = databaseUrl;

const reports = await import("../../db/queries/admin-reports");
const ROUNDS = 15;

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const rows: [string, { p50: number; p95: number }][] = [];
for (const days of reports.reportPeriods) rows.push([`getOverview, ${days} days (all four side by side)`, await time(() => reports.getOverview({ days }))]);
rows.push(["  getSalesReport (figures and chart), 90 days", await time(() => reports.getSalesReport({ days: 90 }))]);
rows.push(["  getTopProducts, 90 days", await time(() => reports.getTopProducts({ days: 90 }))]);
rows.push(["  listLowStockVariants", await time(() => reports.listLowStockVariants())]);
rows.push(["  listOrdersAwaitingAction", await time(() => reports.listOrdersAwaitingAction())]);

console.log(`\nOverview SQL through the data access layer${label ? ` (${label})` : ""}, ${ROUNDS} runs each, one at a time:`);
console.log("| query | p50 ms | p95 ms | target |");
console.log("|---|---:|---:|---|");
for (const [name, t] of rows) console.log(`| ${name} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${name.startsWith("getOverview,") ? "page < 300 ms" : ""} |`);
process.exit(0);
