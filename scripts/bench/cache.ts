/**
 * `npm run bench -- cache --products 10000`: does a large catalogue stay in the page cache?
 *
 * On a catalogue of N products (the demo plus generated ones), every product page is requested
 * once (each render is stored in the server's in-memory page cache), then every page again:
 * the second pass's hit ratio (x-nextjs-cache: HIT) says how much of the catalogue the cache
 * holds, and the server's resident memory what that costs. Run with the memory limit the shop
 * ships with, or another one (--memory-mb, passed as CACHE_MEMORY_MB). Prints figures.
 */
import { runMigrations } from "../../db/migrate";
import { seedDatabase } from "../../db/seed";
import { seedProducts } from "../../db/seed-data";
import postgres from "postgres";
import { startScratchServer } from "../lib/database";
import { dropDatabase, ensureDatabase } from "../lib/embedded-postgres";
import { addGeneratedProducts } from "../lib/large-catalogue";
import { ensureBuild } from "../lib/build";
import { startMailCapture } from "../lib/mail-capture";
import { residentBytes, serverProcessId, startServer, stopServer } from "./server";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CONCURRENCY = 8;

/** Requests every path once, CONCURRENCY at a time; counts the cache's answers. */
async function pass(paths: string[]) {
  const counts: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const response = await fetch(ORIGIN + path);
        await response.arrayBuffer();
        const state = response.status === 200 ? (response.headers.get("x-nextjs-cache") ?? "none") : `status ${response.status}`;
        counts[state] = (counts[state] ?? 0) + 1;
      }
    }),
  );
  return { counts, seconds: (performance.now() - started) / 1000 };
}

export async function benchCache() {
  const products = Number(argValue("--products") ?? 10_000);
  const memoryMb = argValue("--memory-mb");
  if (!(await ensureBuild())) throw new Error("Build failed");
  const dbServer = await startScratchServer({ dataDir: ".data/postgres-bench", port: Number(process.env.BENCH_PG_PORT ?? 54359), portSetting: "BENCH_PG_PORT" });
  const mail = await startMailCapture({ keepMessages: 0 });
  try {
    const url = await ensureDatabase(dbServer.serverUrl, "hearth_bench_cache", { fresh: true });
    await runMigrations(url);
    await seedDatabase(url, { log: () => {} });
    if (products > seedProducts.length) {
      console.log(`Generating ${products - seedProducts.length} products…`);
      await addGeneratedProducts(url, products - seedProducts.length);
    }
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const slugs = (await sql<{ slug: string }[]>`select slug from products where status = 'published' order by slug`).map((r) => r.slug);
    await sql.end();
    const paths = slugs.map((slug) => `/products/${slug}`);

    const server = await startServer({ port: PORT, databaseUrl: url, mailUrl: mail.url, env: memoryMb ? { CACHE_MEMORY_MB: memoryMb } : {} });
    try {
      const pid = serverProcessId(server);
      const rssBefore = pid ? residentBytes(pid) : null;
      console.log(`Pass 1: rendering ${paths.length} product pages…`);
      const first = await pass(paths);
      const rssAfterFill = pid ? residentBytes(pid) : null;
      console.log(`Pass 2: the same pages again…`);
      const second = await pass(paths);
      const rssAfter = pid ? residentBytes(pid) : null;
      const hits = second.counts.HIT ?? 0;
      const mb = (b: number | null) => (b === null ? "–" : `${(b / 1024 / 1024).toFixed(0)} MB`);
      console.log(`\nPage cache at ${paths.length} product pages (limit: ${memoryMb ? `CACHE_MEMORY_MB=${memoryMb}` : "the shop's default"})`);
      console.log("| figure | measured | target |");
      console.log("|---|---:|---:|");
      console.log(`| pass 1 (fill): answers | ${JSON.stringify(first.counts)} in ${first.seconds.toFixed(0)} s | – |`);
      console.log(`| pass 2: hit ratio | ${((hits / paths.length) * 100).toFixed(1)} % (${JSON.stringify(second.counts)}, ${second.seconds.toFixed(0)} s) | 100 % |`);
      console.log(`| server RSS: started / after pass 1 / after pass 2 | ${mb(rssBefore)} / ${mb(rssAfterFill)} / ${mb(rssAfter)} | – |`);
    } finally {
      await stopServer(server, PORT);
    }
    await dropDatabase(dbServer.serverUrl, "hearth_bench_cache");
  } finally {
    await mail.stop();
    await dbServer.stop();
  }
}
