/**
 * The server Playwright tests run against: a fresh database (embedded, or on DATABASE_URL's
 * server), migrated and seeded, then the production build via `next start`. Started and
 * stopped by playwright.config.ts.
 */
import { existsSync } from "node:fs";
import { runMigrations } from "../db/migrate";
import { e2eServerSettings } from "../e2e/support/server-settings";
import { seedDatabase } from "../db/seed";
import { generateProductImages } from "./generate-images";
import { startScratchServer } from "./lib/database";
import { dropDatabase, ensureDatabase } from "./lib/embedded-postgres";
import { startMailCapture } from "./lib/mail-capture";
import { spawnNext } from "./lib/next";
import { superviseChild } from "./lib/processes";
import { spawnWorker } from "./lib/worker-process";

if (!existsSync(".next/BUILD_ID")) {
  console.error("e2e: no production build. Run `npm run build` (npm test does this for you).");
  process.exit(1);
}

const port = process.env.E2E_PORT ?? "3100";
const name = "hearth_e2e";
const server = await startScratchServer({ dataDir: ".data/postgres-e2e", port: Number(process.env.E2E_PG_PORT ?? 54349), portSetting: "E2E_PG_PORT" });
const serverUrl = server.serverUrl;
const url = await ensureDatabase(serverUrl, name, { fresh: true });
await runMigrations(url);
await seedDatabase(url, { log: () => {} });
await generateProductImages({ log: () => {} });
// Tests read what the shop sent from here (e2e/support/mailbox.ts); it reports deliveries and
// bounces back to the shop's webhook, signed like Resend.
const mail = await startMailCapture({
  port: Number(process.env.E2E_MAIL_PORT ?? 3126),
  webhookUrl: `http://localhost:${port}/api/webhooks/resend`,
  webhookSecret: e2eServerSettings.resendWebhookSecret,
});

// Mail must go to the capture server even on a machine with a real key configured.
const inherited = { ...process.env };
delete inherited.RESEND_API_KEY;
// Idle keep-alive connections stay open longer than a test pauses between requests: Node's
// default (5 s) closes them under a client that is about to reuse one (ECONNRESET).
const appEnv: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    DATABASE_URL: url,
    SITE_URL: `http://localhost:${port}`,
    RESEND_BASE_URL: mail.url,
    HEARTH_DEMO: "1",
    // Every test browser comes from 127.0.0.1, like a whole office behind one address.
    CLIENT_RATE_LIMIT_FACTOR: "1000",
    AUTH_SECRET: e2eServerSettings.authSecret,
    INVENTORY_WEBHOOK_SECRET: e2eServerSettings.inventoryWebhookSecret,
    RESEND_WEBHOOK_SECRET: e2eServerSettings.resendWebhookSecret,
};
const child = spawnNext(["start", "--port", port, "--keepAliveTimeout", "65000"], { stdio: "inherit", env: appEnv });
// A second app server on the same database, as behind a load balancer: e2e/shared-cache.spec.ts
// changes things through the first and reads them from this one.
const second = spawnNext(["start", "--port", String(Number(port) + 1), "--keepAliveTimeout", "65000"], { stdio: "inherit", env: appEnv, detached: true });
// Campaigns are really sent (to the capture server) by a worker, as in production.
const worker = spawnWorker(appEnv);
superviseChild(child, async () => {
  if (second.pid && second.exitCode === null) {
    const exited = new Promise((resolve) => second.once("exit", resolve));
    process.kill(-second.pid, "SIGTERM");
    await exited;
  }
  await worker.stop();
  await mail.stop();
  await dropDatabase(serverUrl, name).catch(() => {});
  await server.stop();
});
