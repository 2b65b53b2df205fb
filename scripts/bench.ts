/**
 * `npm run bench`: measures the storefront the way STACK.md describes (autocannon, 32
 * connections, no compression, 10 s per URL) against the production build on a freshly
 * seeded database, with /robots.txt from the same server as the framework's ceiling.
 * Prints figures; it asserts nothing.
 *
 *   npm run bench                       demo catalogue
 *   npm run bench -- --products 10000   also search and collection on a 10,000-product catalogue
 *   npm run bench -- --duration 5       seconds per URL
 * Also prints placeOrder throughput with 16 concurrent buyers (scripts/bench-dal.ts).
 *
 *   npm run bench -- admin --orders 100000   the merchant's desk instead (scripts/bench/admin.ts)
 *   npm run bench -- campaign --recipients 100000   the sending engine (scripts/bench/campaign.ts)
 */
import type { ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { seedProducts } from "../db/seed-data";
import { generateProductImages } from "./generate-images";
import { ensureBuild } from "./lib/build";
import { percentile, startServer as startNextServer, stopServer as stopNextServer } from "./bench/server";
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
const CONNECTIONS = 32;
const ROUNDS = 5;
const LARGE = Number(argValue("--products") ?? 0);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://127.0.0.1:${PORT}`;

type Row = { name: string; path: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; bytes: number };

async function hammer(path: string, seconds: number) {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: ORIGIN + path, connections: CONNECTIONS, duration: seconds }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      times.push(responseTime);
      bytes = resBytes;
    });
  });
  return { times, bytes, requests: result.requests.total, duration: result.duration || seconds, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/**
 * Measures every URL in ROUNDS interleaved slices rather than one block each, so that the
 * machine getting faster or slower during the run (shared CPUs do) affects every URL alike
 * and the ratios to the ceiling stay fair.
 */
async function measureAll(urls: [string, string][]): Promise<Row[]> {
  for (const [, path] of urls) {
    // Warm up: the first request renders and caches the page; measure the steady state.
    for (let i = 0; i < 3; i++) await fetch(ORIGIN + path).then((r) => r.arrayBuffer());
  }
  const acc = urls.map(() => ({ times: [] as number[], bytes: 0, requests: 0, duration: 0, errors: 0, non2xx: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, [, path]] of urls.entries()) {
      const r = await hammer(path, DURATION / ROUNDS);
      const a = acc[i]!;
      a.times.push(...r.times);
      a.bytes = r.bytes;
      a.requests += r.requests;
      a.duration += r.duration;
      a.errors += r.errors;
      a.non2xx += r.non2xx;
    }
  }
  return urls.map(([name, path], i) => {
    const a = acc[i]!;
    a.times.sort((x, y) => x - y);
    return {
      name,
      path,
      rps: a.requests / a.duration,
      p50: percentile(a.times, 50),
      p95: percentile(a.times, 95),
      p99: percentile(a.times, 99),
      errors: a.errors,
      non2xx: a.non2xx,
      bytes: a.bytes,
    };
  });
}

function printTable(title: string, rows: Row[], ceiling?: Row) {
  console.log(`\n${title}  (${CONNECTIONS} connections, ${DURATION} s each in ${ROUNDS} interleaved slices, no compression)`);
  console.log("| page | path | req/s | p50 ms | p95 ms | p99 ms | vs robots.txt | errors | body KB |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const ratio = ceiling ? (r.rps / ceiling.rps).toFixed(2) : "–";
    console.log(
      `| ${r.name} | ${r.path} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${ratio} | ${r.errors + r.non2xx} | ${(r.bytes / 1024).toFixed(1)} |`,
    );
  }
}

async function firstLoadJs(path: string) {
  const html = await (await fetch(ORIGIN + path)).text();
  // Scripts a modern browser loads: <script src> tags, less the noModule polyfills only old browsers fetch.
  const tags = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const srcs = [...new Set(tags.map((tag) => /src="([^"]+\.js[^"]*)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, ORIGIN))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { files: srcs.length, rawKb: raw / 1024, gzipKb: gz / 1024 };
}

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
    let server = await startServer(url, mail.url);
    try {
      const rows = await measureAll([["robots.txt (ceiling)", "/robots.txt"], ...pages]);
      printTable(`Demo catalogue (${seedProducts.length} products)`, rows, rows[0]);
      const js = await firstLoadJs("/products/linen-overshirt");
      console.log(`\nFirst-load JavaScript on the product page: ${js.gzipKb.toFixed(1)} KB gzip (${js.rawKb.toFixed(1)} KB raw, ${js.files} files)`);
    } finally {
      await stopServer(server);
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
        const rows = await measureAll([
          ["robots.txt (ceiling)", "/robots.txt"],
          ["collection", "/collections/knitwear"],
          ["collection, page 40", "/collections/knitwear?sort=price-asc&page=40"],
          ["search", "/search?q=linen+shirt"],
          ["search, typo", "/search?q=hodie"],
          ["search, broad", "/search?q=wool"],
        ]);
        printTable(`Large catalogue (${LARGE} products)`, rows, rows[0]);
        console.log("");
        await dalFigures("search", largeUrl, LARGE);
      } finally {
        await stopServer(server);
      }
      await dropDatabase(serverUrl, "hearth_bench_large");
    }
    await dropDatabase(serverUrl, "hearth_bench");
  } finally {
    await dbServer.stop();
    await mail.stop();
  }
}

if (process.argv[2] === "admin") {
  const { benchAdmin } = await import("./bench/admin");
  await benchAdmin();
} else if (process.argv[2] === "campaign") {
  const { benchCampaign } = await import("./bench/campaign");
  await benchCampaign();
} else {
  await main();
}
