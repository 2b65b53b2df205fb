/**
 * `npm run dev`: the whole shop from one command. Starts (or reuses) the embedded PostgreSQL
 * unless DATABASE_URL is set, applies migrations, seeds the demo catalogue on first run,
 * draws the demo images, starts the local mail capture server (unless real email is
 * configured), then runs `next dev` and the background worker (scripts/worker.ts). Ctrl-C stops everything.
 */
import { generateProductImages } from "./generate-images";
import { prepareDatabase, resolveDatabase } from "./lib/database";
import { startLocalMailIfNeeded } from "./lib/mail-capture";
import { printDemoSignIn } from "./lib/demo-accounts";
import { spawnNext } from "./lib/next";
import { superviseChild } from "./lib/processes";
import { spawnWorker } from "./lib/worker-process";

const db = await resolveDatabase();
await prepareDatabase(db.url);
await generateProductImages();
const port = process.env.PORT ?? "3000";
// The capture server reports deliveries and bounces back to the shop, as Resend would.
const mail = await startLocalMailIfNeeded(Number(process.env.MAIL_CAPTURE_PORT ?? 3025), undefined, { url: `http://localhost:${port}/api/webhooks/resend` });

console.log(`\nEmber & Oak (Hearth demo) is starting on http://localhost:${port}`);
printDemoSignIn(port);
const appEnv = { ...process.env, ...mail.env, DATABASE_URL: db.url, SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}` };
const child = spawnNext(["dev", "--port", port], { stdio: "inherit", env: appEnv });
// The worker sends campaigns and owed emails (to the capture mailbox unless real email is set up).
const worker = spawnWorker(appEnv);
superviseChild(child, async () => {
  await worker.stop();
  await mail.stop();
  await db.embedded?.stop();
});
