/**
 * Run by scripts/bench/campaign.ts in its own process (the data access layer is server code):
 *   campaign-dal.ts <databaseUrl> begin <campaignId>
 * Starts sending (the audience snapshot) and prints { recipients, ms } as JSON.
 */
const [databaseUrl, command, campaignId] = process.argv.slice(2);
process.env.DATABASE_URL = databaseUrl;
const { getDb } = await import("../../db");
const { beginSending } = await import("../../db/queries/campaign-sending");
if (command === "begin") {
  const started = performance.now();
  const { recipients } = await getDb().transaction((tx) => beginSending(tx, campaignId!));
  console.log(JSON.stringify({ recipients, ms: performance.now() - started }));
}
process.exit(0);
export {};
