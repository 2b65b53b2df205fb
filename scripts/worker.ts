/**
 * `npm run worker`: the background worker (campaign sending, scheduled campaigns, emails owed).
 * Production runs one or more beside the app servers, on the same DATABASE_URL and email
 * settings; `npm run dev` and the demo `npm start` start one for you. Stops gracefully on
 * SIGTERM/SIGINT (the batch in hand is finished or left for another worker to resume).
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("The worker needs DATABASE_URL (the same database as the app servers).");
  process.exit(1);
}
const { checkEnvironmentOrExit } = await import("../lib/startup");
checkEnvironmentOrExit();
const { startWorker } = await import("../lib/jobs/worker");
const worker = await startWorker({ databaseUrl, log: (line) => console.log(`[worker] ${line}`) });
console.log("[worker] ready: sending campaigns and owed emails");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await worker.stop().catch((e) => console.error("[worker] stop failed", e));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
export {};
