/**
 * `npm start`: the production server (`next start`). Honours DATABASE_URL and PORT. Without
 * DATABASE_URL it runs on the embedded PostgreSQL, which is for trying the shop on one machine,
 * not for a real deployment. Migrations are applied before the server accepts requests.
 */
import { existsSync } from "node:fs";
import { prepareDatabase, resolveDatabase } from "./lib/database";
import { demoAuthSecret } from "./lib/demo-secret";
import { startLocalMailIfNeeded } from "./lib/mail-capture";
import { printDemoSignIn } from "./lib/demo-accounts";
import { spawnNext } from "./lib/next";
import { superviseChild } from "./lib/processes";
import { spawnWorker } from "./lib/worker-process";

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found. Run `npm run build` first.");
  process.exit(1);
}
const db = await resolveDatabase();
await prepareDatabase(db.url, { seed: db.embedded ? "if-empty" : "never" });

const port = process.env.PORT ?? "3000";
// The demo on the embedded database captures mail locally (reporting deliveries and bounces
// back to the shop, as Resend would); a real deployment must configure it.
const mail = db.embedded
  ? await startLocalMailIfNeeded(Number(process.env.MAIL_CAPTURE_PORT ?? 3025), undefined, { url: `http://localhost:${port}/api/webhooks/resend` })
  : { env: {}, stop: async () => {} };

if (db.embedded) printDemoSignIn(port);
const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...mail.env,
    // The demo on one machine is reached at localhost; a real shop names its origin itself.
    ...(db.embedded ? { AUTH_SECRET: demoAuthSecret(), HEARTH_DEMO: "1", SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}` } : {}),
    DATABASE_URL: db.url,
    NODE_ENV: "production",
};
const child = spawnNext(["start", "--port", port], { stdio: "inherit", env: appEnv });
// The demo sends its campaigns for real (to the capture mailbox) with a worker beside Next.js.
// A real deployment runs `npm run worker` as its own process (see README "Deployment").
const worker = db.embedded ? spawnWorker(appEnv) : { stop: async () => {} };
superviseChild(child, async () => {
  await worker.stop();
  await mail.stop();
  await db.embedded?.stop();
});
