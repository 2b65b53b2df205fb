import "server-only";
import { PgBoss } from "pg-boss";
import postgres from "postgres";
import { getDb } from "@/db";
import { listCampaignsWithWork, listDueScheduledCampaigns } from "@/db/queries/campaign-batches";
import { beginSending, CAMPAIGN_CHANNEL } from "@/db/queries/campaign-sending";
import { OUTBOX_CHANNEL } from "@/db/queries/outbox";
import { runRetention, type RetentionResult } from "@/db/queries/retention";
import { deliverDueBackInStockEmails } from "@/lib/back-in-stock/deliver";
import { deliverDueOutboxEmails } from "@/lib/email/outbox";
import { AppError } from "@/lib/errors";
import { sendCampaignBatches } from "@/lib/marketing/sender";

/*
 * The background worker (`npm run worker`; `npm run dev` and the demo `npm start` run one
 * beside Next.js). pg-boss hands out the jobs, retries them and notices dead workers; the
 * campaign tables hold the truth about who was sent what, so any number of workers can run.
 *
 * Queues:
 *   campaign-send   sends batches of one campaign for up to 2 minutes (it stops at once when the
 *                   campaign is paused or cancelled); `slots` jobs per campaign so two
 *                   workers share a big campaign (exclusive per slot: one queued or running).
 *   campaign-start  starts a scheduled campaign when its time comes (takes the audience snapshot).
 *   email-outbox    sends the emails owed in the outbox (order confirmations, status updates,
 *                   newsletter welcomes) and back-in-stock emails that became due; queued at
 *                   once on the app's NOTIFY (a stock change that makes requests due sends
 *                   one too), and every 15 s.
 *   housekeeping    hourly: unconfirmed back-in-stock requests past their link's expiry (the
 *                   privacy notice says they lapse; an hour late at most, not a day).
 *   retention       daily at 03:41 UTC, a quiet hour: deletes everything past its retention
 *                   period (lib/privacy/retention.ts) and logs how many rows each rule took.
 * A tick every couple of seconds, and a NOTIFY from the app when a campaign starts or resumes,
 * queue what is due.
 */

const SLOTS = 2;
const TICK_MS = 2000;
const OUTBOX_EVERY_MS = 15_000;

export type Worker = { stop: () => Promise<void>; tick: () => Promise<void> };

export async function startWorker({ databaseUrl, log = console.log }: { databaseUrl: string; log?: (line: string) => void }): Promise<Worker> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", max: 4, application_name: "hearth-worker" } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on("error", (error: unknown) => console.error("Job queue error:", error instanceof Error ? error.message : error));
  await boss.start();
  // A dead worker's job is noticed by its missing heartbeat; its batch by the batch lease.
  // Stately outbox: one running and one waiting, so an email owed while a round runs is not missed.
  const queues = [
    { name: "campaign-send", policy: "exclusive", options: { expireInSeconds: 300, heartbeatSeconds: 10, retryLimit: 20, retryDelay: 2 } },
    { name: "campaign-start", policy: "exclusive", options: { expireInSeconds: 300, retryLimit: 10, retryDelay: 5 } },
    { name: "email-outbox", policy: "stately", options: { expireInSeconds: 600, retryLimit: 3, retryDelay: 5 } },
    { name: "housekeeping", policy: "exclusive", options: { expireInSeconds: 600, retryLimit: 2, retryDelay: 60 } },
    // A first run on a big backlog deletes in chunks for a while; a failed run is simply retried.
    { name: "retention", policy: "exclusive", options: { expireInSeconds: 3600, retryLimit: 3, retryDelay: 600 } },
  ] as const;
  for (const q of queues) {
    await boss.createQueue(q.name, { policy: q.policy, ...q.options });
    // A database made by an older version keeps its queues: bring their settings up to date.
    const { expireInSeconds, retryLimit, retryDelay } = q.options;
    await boss.updateQueue(q.name, { expireInSeconds, retryLimit, retryDelay });
  }

  await boss.work<{ campaignId: string }>("campaign-send", { localConcurrency: SLOTS, pollingIntervalSeconds: 1 }, async ([job]) => {
    // A long run: every new job waits for a poll, and at a provider's rate limit those gaps would show.
    const result = await sendCampaignBatches(job!.data.campaignId, { budgetMs: 120_000, signal: job!.signal });
    if (result.batches > 0) log(`Campaign ${job!.data.campaignId}: ${result.sent} sent, ${result.failed} failed, ${result.skipped} skipped${result.finished ? " — finished" : ""}`);
    return result;
  });
  await boss.work<{ campaignId: string }>("campaign-start", { pollingIntervalSeconds: 1 }, async ([job]) => {
    try {
      const { recipients } = await getDb().transaction((tx) => beginSending(tx, job!.data.campaignId));
      log(`Campaign ${job!.data.campaignId} started on schedule: ${recipients} recipients`);
    } catch (error) {
      // Already started, unscheduled or cancelled by a person meanwhile: nothing to do.
      if (error instanceof AppError) return;
      throw error;
    }
  });
  await boss.work("email-outbox", { pollingIntervalSeconds: 0.5 }, async () => {
    await deliverDueOutboxEmails();
    await deliverDueBackInStockEmails();
  });
  await boss.work("housekeeping", { pollingIntervalSeconds: 30 }, async () => {
    const [expired] = await runRetention({ only: ["back-in-stock-unconfirmed"] });
    if (expired?.deleted) log(`Removed ${expired.deleted} unconfirmed back-in-stock requests past their link's expiry`);
  });
  await boss.schedule("housekeeping", "17 * * * *");
  await boss.work("retention", { pollingIntervalSeconds: 30 }, async () => {
    log(describeRetentionRun(await runRetention()));
  });
  await boss.schedule("retention", "41 3 * * *");

  let lastOutbox = 0;
  let ticking = false;
  async function tick() {
    if (ticking) return;
    ticking = true;
    try {
      for (const id of await listDueScheduledCampaigns()) await boss.send("campaign-start", { campaignId: id }, { singletonKey: id });
      for (const id of await listCampaignsWithWork()) {
        for (let slot = 0; slot < SLOTS; slot++) await boss.send("campaign-send", { campaignId: id }, { singletonKey: `${id}:${slot}` });
      }
      if (Date.now() - lastOutbox >= OUTBOX_EVERY_MS) {
        lastOutbox = Date.now();
        await boss.send("email-outbox", {}, { singletonKey: "outbox" });
      }
    } catch (error) {
      console.error("Worker tick failed:", error instanceof Error ? error.message : error);
    } finally {
      ticking = false;
    }
  }

  // The app NOTIFYs when a campaign starts or resumes, and when an email is owed (an order,
  // a status change, a confirmed signup) — only once its transaction commits.
  const listener = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await listener.listen(CAMPAIGN_CHANNEL, () => void tick());
  await listener.listen(OUTBOX_CHANNEL, () => {
    lastOutbox = Date.now();
    void boss.send("email-outbox", {}, { singletonKey: "outbox" }).catch((error) => console.error("Could not queue owed emails:", error instanceof Error ? error.message : error));
  });
  const timer = setInterval(() => void tick(), TICK_MS);
  await tick();

  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await listener.end({ timeout: 2 });
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/** One log line per run: every rule with its count, so a rule that never deletes is visible too. */
export function describeRetentionRun(results: RetentionResult[]): string {
  const total = results.reduce((sum, r) => sum + r.deleted, 0);
  return `Retention: ${total} rows past their period deleted (${results.map((r) => `${r.id} ${r.deleted}`).join(", ")})`;
}
