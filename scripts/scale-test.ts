/**
 * `npm run scale-test`: the README's deployment promise, checked. Two production app servers
 * and two pg-boss workers share one PostgreSQL; this machine sends them a bounded mixed load:
 *
 *   - visitors browsing product, collection and home pages, and searching, on both servers;
 *   - shoppers without JavaScript checking out, all wanting the last few units of one product;
 *   - a merchant changing a price in /admin on server A, watched for on both servers;
 *   - a 10,000-recipient campaign sent by the two workers;
 *
 * and midway kills app server B and worker 2 (SIGKILL, as a crash would). A shopper whose
 * server dies retries on the other one with the same checkout form (the load balancer's job),
 * as a browser's resubmission would. Then it checks:
 *
 *   no oversell · no lost or duplicated order · each recipient exactly one email ·
 *   the price change visible on both servers within 1 s · no 5xx from the surviving server
 *
 * prints the figures, and exits non-zero if any check fails. Ports: SCALE_PORT (A; B is the
 * next one), SCALE_PG_PORT, SCALE_MAIL_PORT.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { SESSION_COOKIE } from "../lib/auth/constants";
import { generateProductImages } from "./generate-images";
import { begin, generateSubscribers, newCampaign } from "./bench/campaign";
import { percentile } from "./bench/server";
import { ensureBuild } from "./lib/build";
import { startScratchServer } from "./lib/database";
import { dropDatabase, ensureDatabase } from "./lib/embedded-postgres";
import { startMailCapture } from "./lib/mail-capture";
import { spawnNext } from "./lib/next";
import { WORKER_NODE_ARGS } from "./lib/worker-process";
import { fill, formWithField, Visitor, type Answer } from "./scale/http";

const PORT_A = Number(process.env.SCALE_PORT ?? 3300);
const PORTS = [PORT_A, PORT_A + 1];
const ORIGINS = PORTS.map((p) => `http://127.0.0.1:${p}`);
const DATABASE = "hearth_scale";
const AUTH_SECRET = "scale-test-auth-secret-0123456789-abcdef";

const RECIPIENTS = 10_000;
const LOAD_SECONDS = 40;
const PRICE_CHANGE_AT = 8;
const KILL_AT = 18;
const BUYERS = 60;
const SCARCE_STOCK = 20;
const BROWSERS = 6;
const SEARCHERS = 2;
const NEW_PRICE = "77.70";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sample = { server: number; kind: string; status: number; ms: number };
const samples: Sample[] = [];
const networkErrors = [0, 0];
let started = 0;
const alive = [true, true];
const elapsed = () => (performance.now() - started) / 1000;

async function timed(server: number, kind: string, request: () => Promise<Answer>): Promise<Answer | null> {
  try {
    const answer = await request();
    samples.push({ server, kind, status: answer.status, ms: answer.ms });
    return answer;
  } catch {
    networkErrors[server]!++;
    return null;
  }
}

function env(databaseUrl: string, mailUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SITE_URL: ORIGINS[0],
    RESEND_BASE_URL: mailUrl,
    RESEND_API_KEY: undefined,
    AUTH_SECRET,
    // The whole load comes from one address, like an office behind one router.
    CLIENT_RATE_LIMIT_FACTOR: "1000",
    EMAIL_REQUESTS_PER_SECOND: "1000",
  };
}

async function startApp(port: number, appEnv: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawnNext(["start", "--port", String(port)], { detached: true, stdio: ["ignore", "ignore", "inherit"], env: appEnv });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`App server on ${port} did not start within 60 s`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* gone */
    }
  }
}

/** The server a request goes to: the one asked for while it lives, else the survivor. */
const serverFor = (preferred: number) => (alive[preferred] ? preferred : alive.findIndex(Boolean));

async function browse(id: number, paths: string[], until: number) {
  let i = id;
  while (elapsed() < until) {
    const server = serverFor(i % 2);
    const path = paths[(i * 7 + id) % paths.length]!;
    await timed(server, "browse", () => new Visitor(ORIGINS[server]!).get(path));
    i++;
  }
}

async function search(id: number, words: string[], until: number) {
  let i = id;
  while (elapsed() < until) {
    const server = serverFor(i % 2);
    await timed(server, "search", () => new Visitor(ORIGINS[server]!).get(`/search?q=${encodeURIComponent(words[i % words.length]!)}`));
    i++;
  }
}

type Outcome = { buyer: number; result: "ordered" | "sold-out" | "failed"; orderPath?: string; detail?: string; retried: boolean };

/** One shopper without JavaScript: product page, add to cart, checkout form, place order. */
async function buy(buyer: number, productPath: string): Promise<Outcome> {
  let server = serverFor(buyer % 2);
  const visitor = new Visitor(ORIGINS[server]!);
  let retried = false;
  // Each step is retried once on the other server when the connection fails (a dead server).
  const step = async (kind: string, call: () => Promise<Answer>): Promise<Answer | null> => {
    const first = await timed(server, kind, call);
    if (first) return first;
    server = serverFor(1 - server);
    visitor.origin = ORIGINS[server]!;
    retried = true;
    return timed(server, kind, call);
  };
  const page = await step("checkout", () => visitor.get(productPath));
  const addForm = page && formWithField(page.text, "variantId");
  if (!addForm) return { buyer, result: page && /sold out/i.test(page.text) ? "sold-out" : "failed", detail: `no add-to-cart form (${page?.status})`, retried };
  const added = await step("checkout", () => visitor.post(productPath, fill(addForm, { quantity: "1" })));
  if (!added || added.status >= 400) return { buyer, result: "failed", detail: `add to cart ${added?.status}`, retried };
  const checkout = await step("checkout", () => visitor.get("/checkout"));
  const form = checkout && formWithField(checkout.text, "idempotencyKey");
  if (!form) return { buyer, result: /sold out|no longer|out of stock|empty/i.test(checkout?.text ?? "") ? "sold-out" : "failed", detail: `no checkout form (${checkout?.status})`, retried };
  const fields = fill(form, {
    email: `buyer${buyer}@scale.example`,
    name: `Buyer ${buyer}`,
    line1: `${buyer} Test Street`,
    city: "Leeds",
    postalCode: "LS1 4AP",
  });
  // The same form (same idempotency key) is what a browser resubmits after a failed post.
  const placed = await step("checkout", () => visitor.post("/checkout", fields));
  if (!placed) return { buyer, result: "failed", detail: "no answer from either server", retried };
  const location = placed.location ? new URL(placed.location, visitor.origin).pathname : "";
  if (placed.status === 303 && location.startsWith("/orders/")) return { buyer, result: "ordered", orderPath: location, retried };
  if (placed.status < 500 && /only \d+ left|sold out|no longer|not enough|out of stock/i.test(placed.text)) return { buyer, result: "sold-out", retried };
  return { buyer, result: "failed", detail: `checkout answered ${placed.status} ${placed.location ?? ""}`, retried };
}

/** The merchant's price change through /admin on server A; then when each server shows it. */
async function changePrice(admin: Visitor, productId: number, watched: string[], savedPrice: () => Promise<number>): Promise<{ saved: boolean; visibleAfterMs: (number | null)[] }> {
  const edit = await admin.get(`/admin/products/${productId}`);
  const form = formWithField(edit.text, "title");
  const priceField = form?.fields.find(([name]) => name.endsWith(".price") || name.endsWith("[price]"))?.[0];
  if (!form || !priceField) throw new Error(`No product form with a price on /admin/products/${productId} (${edit.status})`);
  const saved = await admin.post(`/admin/products/${productId}`, fill(form, { [priceField]: NEW_PRICE }));
  const savedAt = performance.now();
  const ok = saved.status < 400 && (await savedPrice()) === Math.round(Number(NEW_PRICE) * 100);
  const visibleAfterMs: (number | null)[] = PORTS.map(() => null);
  await Promise.all(
    PORTS.map(async (_, server) => {
      const deadline = savedAt + 10_000;
      while (performance.now() < deadline) {
        const pages = await Promise.all(watched.map((path) => new Visitor(ORIGINS[server]!).get(path).catch(() => null)));
        if (pages.every((p) => p?.text.includes(NEW_PRICE))) {
          visibleAfterMs[server] = performance.now() - savedAt;
          return;
        }
        await sleep(50);
      }
    }),
  );
  return { saved: ok, visibleAfterMs };
}

async function main() {
  if (!(await ensureBuild())) throw new Error("Build failed");
  await generateProductImages({ log: () => {} });
  const dbServer = await startScratchServer({ dataDir: ".data/postgres-scale", port: Number(process.env.SCALE_PG_PORT ?? 54369), portSetting: "SCALE_PG_PORT" });
  const mail = await startMailCapture({ port: Number(process.env.SCALE_MAIL_PORT ?? 3325), keepMessages: 0 });
  const apps: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  let failed = false;
  try {
    const url = await ensureDatabase(dbServer.serverUrl, DATABASE, { fresh: true });
    await runMigrations(url);
    await seedDatabase(url, { log: () => {} });
    const sql = postgres(url, { max: 2, onnotice: () => {} });

    // The scarce product: one option of it, its stock cut to a few units. The watched product:
    // another one, whose price the merchant changes, and a collection it is in.
    const [scarce] = await sql<{ slug: string; variant_id: number; sku: string }[]>`
      select p.slug, v.id as variant_id, v.sku from products p join product_variants v on v.product_id = p.id
      where p.status = 'published' order by p.slug, v.position, v.id limit 1`;
    await sql`update product_variants set stock = ${SCARCE_STOCK} where id = ${scarce!.variant_id}`;
    const [watched] = await sql<{ id: number; slug: string; collection: string }[]>`
      select p.id, p.slug, c.slug as collection from products p
      join collection_products cp on cp.product_id = p.id join collections c on c.id = cp.collection_id
      where p.status = 'published' and p.slug <> ${scarce!.slug} order by p.slug limit 1`;
    const products = await sql<{ slug: string }[]>`select slug from products where status = 'published' order by slug limit 20`;
    const collections = await sql<{ slug: string }[]>`select slug from collections order by slug`;
    const adminToken = `scale-${randomUUID()}`;
    await sql`insert into sessions (session_token, user_id, expires, device_summary)
      select ${adminToken}, id, now() + interval '1 day', 'Scale test' from users where role = 'admin' order by created_at limit 1`;

    console.log(`Generating ${RECIPIENTS} subscribers and a campaign…`);
    await generateSubscribers(url, RECIPIENTS);
    const campaignId = await newCampaign(url, "scale test");

    const appEnv = env(url, mail.url);
    console.log("Starting two app servers and two workers on one PostgreSQL…");
    apps.push(...(await Promise.all(PORTS.map((port) => startApp(port, appEnv)))));
    for (let i = 0; i < 2; i++) workers.push(spawn(process.execPath, WORKER_NODE_ARGS, { env: appEnv, stdio: ["ignore", "ignore", "inherit"] }));

    const paths = ["/", ...products.map((p) => `/products/${p.slug}`), ...collections.map((c) => `/collections/${c.slug}`)];
    for (const origin of ORIGINS) for (const path of [...paths, `/products/${watched!.slug}`]) await fetch(origin + path).then((r) => r.arrayBuffer());

    const snapshot = await begin(url, campaignId, mail);
    console.log(`Campaign started for ${snapshot.recipients} recipients; load for ${LOAD_SECONDS} s (server B and worker 2 killed at ${KILL_AT} s)…`);
    started = performance.now();

    const admin = new Visitor(ORIGINS[0]!);
    admin.setCookie(SESSION_COOKIE, adminToken);
    const watchedPaths = [`/products/${watched!.slug}`, `/collections/${watched!.collection}`];
    const savedPrice = async () => (await sql<{ price: number }[]>`select min(price_amount)::int as price from product_variants where product_id = ${watched!.id}`)[0]!.price;
    const priceChange = sleep(PRICE_CHANGE_AT * 1000).then(() => changePrice(admin, watched!.id, watchedPaths, savedPrice));
    const kill = sleep(KILL_AT * 1000).then(() => {
      alive[1] = false;
      killGroup(apps[1]!, "SIGKILL");
      workers[1]!.kill("SIGKILL");
      console.log(`  ${elapsed().toFixed(1)} s: killed app server B and worker 2`);
    });
    const buyers = Promise.all(
      // Arrivals spread over the first KILL_AT + 6 s, so some are mid-checkout on B when it dies.
      Array.from({ length: BUYERS }, (_, b) => sleep((((b * 37) % BUYERS) / BUYERS) * (KILL_AT + 6) * 1000).then(() => buy(b, `/products/${scarce!.slug}?variant=${encodeURIComponent(scarce!.sku)}`))),
    );
    await Promise.all([
      ...Array.from({ length: BROWSERS }, (_, i) => browse(i, paths, LOAD_SECONDS)),
      ...Array.from({ length: SEARCHERS }, (_, i) => search(i, ["linen", "wool shirt", "mug", "hodie", "oak"], LOAD_SECONDS)),
      kill,
    ]);
    const outcomes = await buyers;
    const price = await priceChange;

    console.log("Load over; waiting for the campaign to finish…");
    const sendDeadline = Date.now() + 180_000;
    let campaign = { status: "sending", sent: 0 };
    while (Date.now() < sendDeadline) {
      const [row] = await sql<{ status: string; sent: number }[]>`
        select c.status, count(*) filter (where r.status = 'sent')::int as sent from campaigns c
        left join campaign_recipients r on r.campaign_id = c.id where c.id = ${campaignId} group by c.id`;
      campaign = row ?? campaign;
      if (campaign.status !== "sending") break;
      await sleep(500);
    }
    // Order confirmations go through the outbox too: give the survivor a moment to send them.
    await sleep(3000);

    // Checks, from the database and the mail server.
    const ordered = outcomes.filter((o) => o.result === "ordered");
    const [stock] = await sql<{ stock: number }[]>`select stock from product_variants where id = ${scarce!.variant_id}`;
    const [sold] = await sql<{ units: number; orders: number; buyers: number }[]>`
      select coalesce(sum(oi.quantity), 0)::int as units, count(distinct o.id)::int as orders, count(distinct o.email)::int as buyers
      from orders o join order_items oi on oi.order_id = o.id where o.email like 'buyer%@scale.example' and oi.variant_id = ${scarce!.variant_id}`;
    const orderIds = ordered.map((o) => o.orderPath!.split("/")[2]!);
    const [found] = await sql<{ n: number }[]>`select count(*)::int as n from orders where id::text = any(${orderIds})`;
    const stats = mail.stats();
    const [campaignEmails] = await sql<{ n: number }[]>`select count(*)::int as n from campaign_recipients where campaign_id = ${campaignId} and status = 'sent'`;
    const [owedEmails] = await sql<{ n: number }[]>`select count(*)::int as n from email_outbox where sent_at is null`;
    await sql.end();

    const survivor5xx = samples.filter((s) => s.server === 0 && s.status >= 500).length;
    const checks: [string, boolean, string][] = [
      ["no oversell", stock!.stock >= 0 && sold!.units === SCARCE_STOCK - stock!.stock && sold!.units <= SCARCE_STOCK, `${sold!.units} units sold of ${SCARCE_STOCK}; ${stock!.stock} left`],
      ["no lost order", found!.n === ordered.length && sold!.orders === ordered.length, `${ordered.length} shoppers saw an order; ${found!.n} of those orders exist; ${sold!.orders} orders in all`],
      ["no duplicated order", sold!.buyers === sold!.orders, `${sold!.orders} orders from ${sold!.buyers} shoppers`],
      ["every shopper answered", outcomes.every((o) => o.result !== "failed"), outcomes.filter((o) => o.result === "failed").map((o) => `#${o.buyer}: ${o.detail}`).join("; ") || "all"],
      ["each recipient exactly one email", campaignEmails!.n === RECIPIENTS && stats.duplicates === 0 && stats.addresses >= RECIPIENTS, `${campaignEmails!.n} of ${RECIPIENTS} sent; ${stats.addresses} addresses got ${stats.accepted} emails; ${stats.duplicates} duplicates; ${owedEmails!.n} emails still owed`],
      ["price change saved", price.saved, price.saved ? "yes" : "no"],
      ...PORTS.map((_, i): [string, boolean, string] => [`price visible on server ${"AB"[i]} within 1 s`, price.visibleAfterMs[i] !== null && price.visibleAfterMs[i]! <= 1000, price.visibleAfterMs[i] === null ? "not within 10 s" : `${price.visibleAfterMs[i]!.toFixed(0)} ms`]),
      ["no 5xx from the surviving server", survivor5xx === 0, `${survivor5xx} of ${samples.filter((s) => s.server === 0).length} answers`],
    ];

    console.log("\nRequests (both servers; B until it was killed)");
    console.log(`Connection errors (a server gone): A ${networkErrors[0]}, B ${networkErrors[1]}`);
    console.log("| server | kind | answers | p50 ms | p95 ms | 5xx |");
    console.log("|---|---|---:|---:|---:|---:|");
    for (const server of [0, 1]) {
      for (const kind of ["browse", "search", "checkout"]) {
        const rows = samples.filter((s) => s.server === server && s.kind === kind);
        const times = rows.map((s) => s.ms).sort((a, b) => a - b);
        console.log(`| ${"AB"[server]} | ${kind} | ${rows.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${rows.filter((s) => s.status >= 500).length} |`);
      }
    }
    console.log(`\nShoppers: ${ordered.length} ordered, ${outcomes.filter((o) => o.result === "sold-out").length} told it sold out, ${outcomes.filter((o) => o.retried).length} moved to the other server mid-checkout`);
    console.log(`Campaign: ${campaign.status}, ${campaign.sent} sent`);
    console.log("\n| check | holds | figures |");
    console.log("|---|---|---|");
    for (const [name, ok, figures] of checks) console.log(`| ${name} | ${ok ? "yes" : "**no**"} | ${figures} |`);
    failed = checks.some(([, ok]) => !ok);
  } finally {
    for (const app of apps) killGroup(app, "SIGTERM");
    await Promise.all(
      workers.filter((w) => w.exitCode === null && w.signalCode === null).map((w) => new Promise((resolve) => (w.once("exit", resolve), w.kill("SIGTERM")))),
    );
    await sleep(500);
    await dropDatabase(dbServer.serverUrl, DATABASE).catch(() => {});
    await mail.stop();
    await dbServer.stop();
  }
  console.log(failed ? "\nScale test FAILED" : "\nScale test passed");
  process.exit(failed ? 1 : 0);
}

await main();
