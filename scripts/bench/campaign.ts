/**
 * `npm run bench -- campaign --recipients 100000`: the sending engine at scale.
 *
 * In a database of its own: N subscribers granted a topic (plus people without a grant, who
 * withdrew, or are suppressed, whom the audience must leave out). Then, one campaign per run:
 *   1. expanding the audience (the snapshot of one recipient row per person; target < 10 s);
 *   2. emails per second through the capture server with no provider limit (one worker);
 *   3. emails per second at a configured provider limit (achieved / allowed; target ≥ 0.95);
 *   4. the worker's peak resident memory (target < 300 MB);
 *   5. the same send with one of two workers killed halfway and restarted: duplicates (target 0).
 * Prints figures beside their targets; asserts nothing.
 *
 *   --recipients N          audience size (default 100000)
 *   --limited-recipients N  audience of the rate-limited run (default 20000)
 *   --limit R               provider requests per second in run 3 (default 5, i.e. 500 emails/s)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import postgres from "postgres";
import { runMigrations } from "../../db/migrate";
import { startScratchServer } from "../lib/database";
import { dropDatabase, ensureDatabase } from "../lib/embedded-postgres";
import { startMailCapture, type MailCapture } from "../lib/mail-capture";
import { WORKER_NODE_ARGS } from "../lib/worker-process";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DATABASE = "hearth_bench_campaign";
const AUTH_SECRET = "bench-auth-secret-0123456789-abcdefghijkl";
const TOPIC = "newsletter:offers";

type Result = { figure: string; measured: string; target: string };

export async function generateSubscribers(url: string, granted: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Granted, plus 10 % who never confirmed, 5 % who withdrew, 1 % suppressed (hash made in SQL
    // with the same keyed hash the shop uses).
    const extra = Math.ceil(granted * 0.16);
    await sql`insert into subscribers (email, confirmed_at, created_at)
      select 'reader' || g || '@bench.example', now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day'
      from generate_series(1, ${granted + extra}) g`;
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method, created_at)
      select id, ${TOPIC}, 'granted', 'newsletter-signup@2026-11', (array['footer', 'newsletter-page', 'links-page', 'checkout'])[1 + (hashtext(email) & 3)], 'double_opt_in', created_at
      from subscribers where email like 'reader%@bench.example' and split_part(substring(email from 7), '@', 1)::int <= ${granted + Math.ceil(granted * 0.06)}`;
    // Of those granted beyond N: 5 % withdrew; 1 % are suppressed (so exactly N remain).
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method)
      select id, ${TOPIC}, 'withdrawn', 'newsletter-signup@2026-11', 'email-link', 'unsubscribe_page' from subscribers
      where email like 'reader%@bench.example' and split_part(substring(email from 7), '@', 1)::int between ${granted + 1} and ${granted + Math.ceil(granted * 0.05)}`;
    await sql`create extension if not exists pgcrypto`;
    await sql`insert into suppressions (email_hash, reason)
      select translate(rtrim(encode(hmac(convert_to('suppression' || chr(10) || email, 'UTF8'), convert_to(${AUTH_SECRET}::text, 'UTF8'), 'sha256'), 'base64'), '='), '+/', '-_'), 'bounced'
      from subscribers where email like 'reader%@bench.example' and split_part(substring(email from 7), '@', 1)::int between ${granted + Math.ceil(granted * 0.05) + 1} and ${granted + Math.ceil(granted * 0.06)}`;
    await sql`analyze`;
  } finally {
    await sql.end();
  }
}

export async function newCampaign(url: string, label: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const body = "## New glazes for winter\n\nOur **ash glaze** mugs are back, with two new colours.\n\n- Birch white\n- Smoked oak\n\n[See the collection](https://shop.example/collections/mugs)";
  const [row] = await sql<{ id: string }[]>`insert into campaigns (subject, preheader, body, topic, created_by) values (${`Winter glazes (${label})`}, 'Two new colours', ${body}, ${TOPIC}, 'bench') returning id`;
  await sql.end();
  return row!.id;
}

function env(url: string, mail: MailCapture, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", DATABASE_URL: url, RESEND_BASE_URL: mail.url, AUTH_SECRET, SITE_URL: "https://shop.example", ...extra };
}

export function begin(url: string, campaignId: string, mail: MailCapture): Promise<{ recipients: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/bench/campaign-dal.ts", url, "begin", campaignId], { env: env(url, mail), stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`begin exited ${code}`))));
  });
}

function startWorker(url: string, mail: MailCapture, extra: Record<string, string>): ChildProcess {
  return spawn(process.execPath, WORKER_NODE_ARGS, { env: env(url, mail, extra), stdio: ["ignore", "ignore", "inherit"] });
}

/** Peak resident memory of a process so far (Linux VmHWM). */
function peakBytes(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

async function progress(url: string, campaignId: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ status: string; sent: number; remaining: number }[]>`
    select c.status, count(*) filter (where r.status = 'sent')::int as sent, count(*) filter (where r.status in ('queued', 'sending'))::int as remaining
    from campaigns c left join campaign_recipients r on r.campaign_id = c.id where c.id = ${campaignId} group by c.id`;
  await sql.end();
  return row!;
}

async function stopWorker(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** Sends one campaign to the end with the given workers; returns emails/s as the capture server saw them. */
async function sendRun(url: string, mail: MailCapture, recipients: number, workerEnv: Record<string, string>, opts: { killHalfway?: boolean } = {}) {
  const campaignId = await newCampaign(url, opts.killHalfway ? "kill" : "run");
  const snapshot = await begin(url, campaignId, mail);
  await fetch(`${mail.url}/emails`, { method: "DELETE" });
  const workers = [startWorker(url, mail, workerEnv)];
  if (opts.killHalfway) workers.push(startWorker(url, mail, workerEnv));
  let peak = 0;
  let killed = false;
  const started = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    for (const w of workers) peak = Math.max(peak, peakBytes(w.pid) ?? 0);
    const p = await progress(url, campaignId);
    if (opts.killHalfway && !killed && p.sent >= recipients / 2) {
      killed = true;
      workers[0]!.kill("SIGKILL");
      workers.push(startWorker(url, mail, workerEnv));
      console.log(`  killed a worker at ${p.sent} sent and started another`);
    }
    if (p.status !== "sending" || Date.now() - started > 30 * 60_000) break;
  }
  for (const w of workers) peak = Math.max(peak, peakBytes(w.pid) ?? 0);
  await Promise.all(workers.map(stopWorker));
  const stats = mail.stats();
  const seconds = (Date.parse(stats.lastAt!) - Date.parse(stats.firstAt!)) / 1000;
  return { snapshot, stats, seconds, perSecond: stats.accepted / Math.max(seconds, 0.001), peak, final: await progress(url, campaignId) };
}

export async function benchCampaign() {
  const recipients = Number(argValue("--recipients") ?? 100_000);
  const limited = Number(argValue("--limited-recipients") ?? 20_000);
  const limit = Number(argValue("--limit") ?? 5);
  const dbServer = await startScratchServer({ dataDir: ".data/postgres-bench", port: Number(process.env.BENCH_PG_PORT ?? 54359), portSetting: "BENCH_PG_PORT" });
  const mail = await startMailCapture({ keepMessages: 0 });
  const results: Result[] = [];
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  try {
    const url = await ensureDatabase(dbServer.serverUrl, DATABASE, { fresh: true });
    await runMigrations(url);
    console.log(`Generating ${recipients} subscribers granted ${TOPIC} (and 16 % who must be left out)…`);
    const t = performance.now();
    await generateSubscribers(url, recipients);
    console.log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    console.log("Run 1: no provider limit, one worker…");
    const free = await sendRun(url, mail, recipients, { EMAIL_REQUESTS_PER_SECOND: "1000" });
    results.push({ figure: `Audience expansion (snapshot of ${free.snapshot.recipients} recipients)`, measured: `${(free.snapshot.ms / 1000).toFixed(2)} s`, target: "< 10 s" });
    results.push({ figure: "Audience left out: no grant, withdrawn or suppressed", measured: free.snapshot.recipients === recipients ? `all ${Math.ceil(recipients * 0.16)} left out` : `WRONG: ${free.snapshot.recipients} recipients for ${recipients}`, target: "all" });
    results.push({ figure: "Emails/s through the capture server, no limit, 1 worker", measured: `${free.perSecond.toFixed(0)} emails/s (${free.stats.accepted} in ${free.seconds.toFixed(1)} s)`, target: "–" });
    results.push({ figure: "Worker peak RSS (run 1)", measured: mb(free.peak), target: "< 300 MB" });
    results.push({ figure: "Duplicates (run 1)", measured: String(free.stats.duplicates), target: "0" });

    console.log(`Run 3: provider limit ${limit} requests/s (${limit * 100} emails/s), ${limited} recipients…`);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    // A smaller audience for the limited run: the first `limited` readers by the segment-free topic.
    await sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method)
      select id, 'newsletter:new-arrivals', 'granted', 'newsletter-signup@2026-11', 'footer', 'double_opt_in' from subscribers
      where email like 'reader%@bench.example' and split_part(substring(email from 7), '@', 1)::int <= ${limited}`;
    await sql.end();
    mail.control({ rateLimitPerSecond: limit });
    const limitedRun = await (async () => {
      const campaignSql = postgres(url, { max: 1, onnotice: () => {} });
      const [row] = await campaignSql<{ id: string }[]>`insert into campaigns (subject, body, topic, created_by) values ('New arrivals (limited)', 'Hello', 'newsletter:new-arrivals', 'bench') returning id`;
      await campaignSql.end();
      const snapshot = await begin(url, row!.id, mail);
      await fetch(`${mail.url}/emails`, { method: "DELETE" });
      const worker = startWorker(url, mail, { EMAIL_REQUESTS_PER_SECOND: String(limit) });
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const p = await progress(url, row!.id);
        if (p.status !== "sending") break;
      }
      await stopWorker(worker);
      const stats = mail.stats();
      const seconds = (Date.parse(stats.lastAt!) - Date.parse(stats.firstAt!)) / 1000;
      return { snapshot, stats, perSecond: stats.accepted / seconds, seconds };
    })();
    mail.control({ rateLimitPerSecond: 0 });
    const allowed = limit * 100;
    results.push({
      figure: `Emails/s at a provider limit of ${limit} requests/s (${allowed} emails/s)`,
      measured: `${limitedRun.perSecond.toFixed(0)} emails/s = ${(limitedRun.perSecond / allowed).toFixed(2)} of allowed (${limitedRun.stats.rateLimited} answered 429)`,
      target: "≥ 0.95",
    });

    console.log("Run 5: two workers, one killed halfway and restarted…");
    const killRun = await sendRun(url, mail, recipients, { EMAIL_REQUESTS_PER_SECOND: "1000", CAMPAIGN_BATCH_LEASE_SECONDS: "10" }, { killHalfway: true });
    results.push({ figure: "Kill-and-restart run: emails received / recipients", measured: `${killRun.stats.accepted} / ${killRun.snapshot.recipients} (${killRun.stats.addresses} addresses)`, target: "equal" });
    results.push({ figure: "Duplicates with a worker killed and restarted", measured: String(killRun.stats.duplicates), target: "0" });
    results.push({ figure: "Worker peak RSS (kill run)", measured: mb(killRun.peak), target: "< 300 MB" });
    await dropDatabase(dbServer.serverUrl, DATABASE).catch(() => {});
  } finally {
    await mail.stop();
    await dbServer.stop();
  }
  console.log(`\nCampaign sending (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`);
  console.log("| figure | measured | target |");
  console.log("|---|---|---|");
  for (const r of results) console.log(`| ${r.figure} | ${r.measured} | ${r.target} |`);
}
