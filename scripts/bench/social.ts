/**
 * `npm run bench -- social`: the social-to-shop loop under load, in one run.
 *
 * Two production servers on one freshly seeded database, identical but for ANALYTICS=on / off,
 * measured in interleaved slices (scripts/bench/load.ts) so both meet the same machine:
 *   1. /go/<slug> redirect: req/s and p95 (every request counted and forwarded with its UTM tags);
 *   2. the product page as a browser loads it (browser user agent, Sec-Fetch-Dest: document), with
 *      analytics on against off: throughput ratio (target ≥ 0.9);
 *   3. /links against /robots.txt from the same server: req/s ratio.
 * Then checks that the "on" server really counted: page views and clicks written. Prints
 * figures beside their targets; asserts nothing.
 *
 *   --duration S   seconds per URL (default 10)
 */
import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { runMigrations } from "../../db/migrate";
import { seedDatabase } from "../../db/seed";
import { generateProductImages } from "../generate-images";
import { ensureBuild } from "../lib/build";
import { startScratchServer } from "../lib/database";
import { dropDatabase, ensureDatabase } from "../lib/embedded-postgres";
import { startMailCapture } from "../lib/mail-capture";
import { measureAll, printTable, type Row } from "./load";
import { startServer, stopServer } from "./server";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const DURATION = Number(argValue("--duration") ?? 10);
const PORT_ON = Number(process.env.BENCH_PORT ?? 3200);
const PORT_OFF = PORT_ON + 1;
const DATABASE = "hearth_bench_social";
const PRODUCT = "/products/linen-overshirt";
const SLUG = "bench-reel";

/** What a browser sends when it loads a page: a real user agent and the fetch metadata. */
const browser = {
  "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "sec-fetch-dest": "document",
  "sec-fetch-mode": "navigate",
};

export async function benchSocial() {
  if (!(await ensureBuild())) throw new Error("Build failed");
  await generateProductImages();
  const dbServer = await startScratchServer({ dataDir: ".data/postgres-bench", port: Number(process.env.BENCH_PG_PORT ?? 54359), portSetting: "BENCH_PG_PORT" });
  const mail = await startMailCapture();
  const servers: [ChildProcess, number][] = [];
  try {
    const url = await ensureDatabase(dbServer.serverUrl, DATABASE, { fresh: true });
    await runMigrations(url);
    await seedDatabase(url, { log: () => {} });
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`insert into tracked_links (slug, destination, utm_source, utm_medium, utm_campaign, label)
        values (${SLUG}, ${PRODUCT}, 'instagram', 'social', 'bench', 'Benchmark link') on conflict (slug) do nothing`;

      const on = `http://127.0.0.1:${PORT_ON}`;
      const off = `http://127.0.0.1:${PORT_OFF}`;
      servers.push([await startServer({ port: PORT_ON, databaseUrl: url, mailUrl: mail.url, env: { ANALYTICS: "on" } }), PORT_ON]);
      servers.push([await startServer({ port: PORT_OFF, databaseUrl: url, mailUrl: mail.url, env: { ANALYTICS: "off" } }), PORT_OFF]);

      const rows = await measureAll(
        [
          { name: "robots.txt (ceiling)", url: `${on}/robots.txt` },
          { name: "product, analytics on", url: `${on}${PRODUCT}`, headers: browser },
          { name: "product, analytics off", url: `${off}${PRODUCT}`, headers: browser },
          { name: "/go redirect (302)", url: `${on}/go/${SLUG}`, headers: browser },
          { name: "link page", url: `${on}/links`, headers: browser },
        ],
        DURATION,
      );
      const [robots, productOn, productOff, go, links] = rows as [Row, Row, Row, Row, Row];
      printTable("Social loop (analytics on unless stated)", rows, DURATION, robots, { note: "no compression; /go answers 302, not an error", countRedirects: true });

      // Let the last buffered counts reach the database (flushed every second).
      await new Promise((r) => setTimeout(r, 2500));
      const [counted] = await sql<{ views: number; entrances: number; clicks: number }[]>`
        select (select count(*)::int from page_views) as views, (select count(*)::int from page_views where entrance) as entrances,
               (select count(*)::int from link_clicks) as clicks`;

      const ratio = productOn.rps / productOff.rps;
      console.log("\n| figure | measured | target |");
      console.log("|---|---:|---|");
      console.log(`| /go/<slug> redirects per second | ${go.rps.toFixed(0)} (p95 ${go.p95.toFixed(1)} ms) | – |`);
      console.log(`| product page, analytics on / off | ${productOn.rps.toFixed(0)} / ${productOff.rps.toFixed(0)} req/s = ${ratio.toFixed(2)} | ≥ 0.9 |`);
      console.log(`| product page p95, analytics on / off | ${productOn.p95.toFixed(1)} / ${productOff.p95.toFixed(1)} ms | – |`);
      console.log(`| /links vs /robots.txt | ${links.rps.toFixed(0)} / ${robots.rps.toFixed(0)} req/s = ${(links.rps / robots.rps).toFixed(2)} | – |`);
      console.log(
        `| counted by the "on" server | ${counted!.views} page views (${counted!.entrances} visit, one browser), ${counted!.clicks} click (repeats within the hour are one) | every browser request counted |`,
      );
      const expected = Math.round(productOn.rps * DURATION + links.rps * DURATION);
      console.log(`\nPage requests the "on" server answered in the measured slices: about ${expected} (plus warm-up); page views written: ${counted!.views}.`);
    } finally {
      await sql.end();
    }
  } finally {
    for (const [server, port] of servers) await stopServer(server, port);
    await dropDatabase(dbServer.serverUrl, DATABASE).catch(() => {});
    await dbServer.stop();
    await mail.stop();
  }
}
