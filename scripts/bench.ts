/**
 * `npm run bench`: measures the storefront the way browsers fetch it (autocannon, 32
 * connections, 10 s per URL), once without compression and once with the Accept-Encoding a
 * browser sends, against the production build on a freshly seeded database. Two ceilings from
 * the same server and the same run: /robots.txt (the framework's cheapest route) and a small
 * file from public/. Prints every figure beside its target (issue 12); it asserts nothing.
 *
 *   npm run bench                       demo catalogue
 *   npm run bench -- --products 10000   also search and collection on a 10,000-product catalogue
 *   npm run bench -- --duration 5       seconds per URL
 * Also prints placeOrder throughput with 16 concurrent buyers (scripts/bench-dal.ts).
 *
 *   npm run bench -- admin --orders 100000   the merchant's desk instead (scripts/bench/admin.ts)
 *   npm run bench -- campaign --recipients 100000   the sending engine (scripts/bench/campaign.ts)
 *   npm run bench -- social   /go redirects, analytics on vs off, /links vs robots.txt (scripts/bench/social.ts)
 *   npm run bench -- cache --products 10000 [--memory-mb N]   page-cache hit ratio and RSS (scripts/bench/cache.ts)
 */
import type { ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { seedProducts } from "../db/seed-data";
import { generateProductImages } from "./generate-images";
import { ensureBuild } from "./lib/build";
import { measureAll, printTable, printTargets, type Row, type Target } from "./bench/load";
import { firstLoadJs, helloWorldFirstLoadJs } from "./bench/hello-world";
import { startServer as startNextServer, stopServer as stopNextServer } from "./bench/server";
import { run } from "./lib/processes";
import { addGeneratedProducts } from "./lib/large-catalogue";
import { startMailCapture } from "./lib/mail-capture";
import { startScratchServer } from "./lib/database";
import { dropDatabase, ensureDatabase } from "./lib/embedded-postgres";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const DURATION = Number(argValue("--duration") ?? 10);
const LARGE = Number(argValue("--products") ?? 0);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** What a browser sends: without it, Next answers uncompressed. */
const BROWSER_ENCODING = { "accept-encoding": "gzip, deflate, br, zstd" };
const PUBLIC_FILE = "/icons/icon-192.png";

const target = (name: string, path: string, compressed = false): Target => ({ name, url: ORIGIN + path, headers: compressed ? BROWSER_ENCODING : undefined });
const measure = (urls: [string, string][]) => measureAll(urls.map(([name, path]) => target(name, path)), DURATION);
const table = (title: string, rows: Row[], ceiling?: Row, second?: Row, note?: string) => printTable(title, rows, DURATION, ceiling, { second, note });
const byName = (rows: Row[], name: string) => rows.find((r) => r.name === name)!;

function startServer(databaseUrl: string, mailUrl: string): Promise<ChildProcess> {
  return startNextServer({ port: PORT, databaseUrl, mailUrl });
}

function stopServer(child: ChildProcess) {
  return stopNextServer(child, PORT);
}

/** Runs a data-access-layer measurement (scripts/bench-dal.ts) in its own process. */
function dalFigures(mode: "search" | "checkout", databaseUrl: string, products: number) {
  return run("npx", ["tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/bench-dal.ts", mode, databaseUrl, String(products)]);
}

async function main() {
  if (!(await ensureBuild())) throw new Error("Build failed");
  await generateProductImages();

  const dbServer = await startScratchServer({ dataDir: ".data/postgres-bench", port: Number(process.env.BENCH_PG_PORT ?? 54359), portSetting: "BENCH_PG_PORT" });
  const serverUrl = dbServer.serverUrl;
  const mail = await startMailCapture();

  const pages: [string, string][] = [
    ["home", "/"],
    ["collection", "/collections/knitwear"],
    ["collection, filtered", "/collections/linen?colour=Sand&sort=price-asc"],
    ["product", "/products/linen-overshirt"],
    ["search", "/search?q=linen+shirt"],
    ["search, typo", "/search?q=hodie"],
  ];

  try {
    const url = await ensureDatabase(serverUrl, "hearth_bench", { fresh: true });
    await runMigrations(url);
    await seedDatabase(url, { log: () => {} });
    let server: ChildProcess | undefined = await startServer(url, mail.url);
    const targets: { figure: string; measured: string; target: string; ok: boolean }[] = [];
    try {
      // Both encodings in one interleaved run, so the ratios compare like with like.
      const plain: [string, string][] = [["robots.txt", "/robots.txt"], ["public file", PUBLIC_FILE], ...pages];
      const targetsList = [...plain.map(([name, path]) => target(name, path)), ...plain.map(([name, path]) => target(name, path, true))];
      const all = await measureAll(targetsList, DURATION);
      const identity = all.slice(0, plain.length);
      const compressed = all.slice(plain.length);
      const title = `Demo catalogue (${seedProducts.length} products)`;
      table(title, identity, identity[0], identity[1], "no compression");
      table(title, compressed, compressed[0], compressed[1], `Accept-Encoding: ${BROWSER_ENCODING["accept-encoding"]}`);
      for (const [mode, rows] of [["no compression", identity], ["compressed", compressed]] as const) {
        const robots = byName(rows, "robots.txt");
        for (const page of ["product", "collection"]) {
          const row = byName(rows, page);
          const ratio = row.rps / robots.rps;
          targets.push({ figure: `${page} req/s vs robots.txt (${mode})`, measured: `${row.rps.toFixed(0)} / ${robots.rps.toFixed(0)} = ${ratio.toFixed(2)}`, target: "≥ 0.80", ok: ratio >= 0.8 });
          const p95 = row.p95 / robots.p95;
          targets.push({ figure: `${page} p95 vs robots.txt p95 (${mode})`, measured: `${row.p95.toFixed(1)} / ${robots.p95.toFixed(1)} ms = ${p95.toFixed(2)}`, target: "≤ 1.50", ok: p95 <= 1.5 });
        }
      }
      const js = await firstLoadJs(ORIGIN, "/products/linen-overshirt");
      console.log(`\nFirst-load JavaScript on the product page: ${js.gzipKb.toFixed(1)} KB gzip (${js.rawKb.toFixed(1)} KB raw, ${js.files} files)`);
      const perCore = byName(compressed, "product").rps;
      console.log(`Throughput per core: one Next.js server process serves on one core; product page ${perCore.toFixed(0)} req/s per core compressed, ${byName(identity, "product").rps.toFixed(0)} uncompressed (this machine has ${availableParallelism()} cores).`);
      await stopServer(server);
      server = undefined;
      console.log("\nBuilding a hello-world App Router page with the same Next.js…");
      const hello = await helloWorldFirstLoadJs(PORT + 1);
      console.log(`First-load JavaScript of hello world: ${hello.gzipKb.toFixed(1)} KB gzip (${hello.rawKb.toFixed(1)} KB raw, ${hello.files} files)`);
      targets.push({ figure: "product page first-load JS vs hello world (gzip)", measured: `${js.gzipKb.toFixed(1)} KB vs ${hello.gzipKb.toFixed(1)} KB`, target: `≤ ${(hello.gzipKb + 10).toFixed(1)} KB`, ok: js.gzipKb <= hello.gzipKb + 10 });
    } finally {
      if (server) await stopServer(server);
    }
    await dalFigures("checkout", url, seedProducts.length);

    if (LARGE > 0) {
      const largeUrl = await ensureDatabase(serverUrl, "hearth_bench_large", { fresh: true });
      await runMigrations(largeUrl);
      await seedDatabase(largeUrl, { log: () => {} });
      console.log(`\nGenerating ${LARGE} products…`);
      await addGeneratedProducts(largeUrl, LARGE - seedProducts.length);
      server = await startServer(largeUrl, mail.url);
      try {
        const rows = await measure([
          ["robots.txt (ceiling)", "/robots.txt"],
          ["collection", "/collections/knitwear"],
          ["collection, page 40", "/collections/knitwear?sort=price-asc&page=40"],
          ["search", "/search?q=linen+shirt"],
          ["search, typo", "/search?q=hodie"],
          ["search, broad", "/search?q=wool"],
        ]);
        table(`Large catalogue (${LARGE} products)`, rows, rows[0]);
        const robots = rows[0]!;
        for (const row of rows.filter((r) => r.name.startsWith("search"))) {
          const p95 = row.p95 / robots.p95;
          targets.push({ figure: `${row.name} p95 at ${LARGE} products vs robots.txt p95`, measured: `${row.p95.toFixed(1)} / ${robots.p95.toFixed(1)} ms = ${p95.toFixed(2)}`, target: "≤ 2.00", ok: p95 <= 2 });
        }
        console.log("");
        await dalFigures("search", largeUrl, LARGE);
      } finally {
        await stopServer(server);
      }
      await dropDatabase(serverUrl, "hearth_bench_large");
    }
    await dropDatabase(serverUrl, "hearth_bench");
    printTargets("Targets (issue 12), each beside its measured figure from this run", targets);
  } finally {
    await dbServer.stop();
    await mail.stop();
  }
}

if (process.argv[2] === "admin") {
  const { benchAdmin } = await import("./bench/admin");
  await benchAdmin();
} else if (process.argv[2] === "social") {
  const { benchSocial } = await import("./bench/social");
  await benchSocial();
} else if (process.argv[2] === "cache") {
  const { benchCache } = await import("./bench/cache");
  await benchCache();
} else if (process.argv[2] === "campaign") {
  const { benchCampaign } = await import("./bench/campaign");
  await benchCampaign();
} else {
  await main();
}
