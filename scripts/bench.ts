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
 *   npm run bench -- social   /go redirects, analytics on vs off, /links vs robots.txt (scripts/bench/social.ts)
 */
import type { ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { seedProducts } from "../db/seed-data";
import { generateProductImages } from "./generate-images";
import { ensureBuild } from "./lib/build";
import { measureAll, printTable, type Row } from "./bench/load";
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

const measure = (urls: [string, string][]) => measureAll(urls.map(([name, path]) => ({ name, url: ORIGIN + path })), DURATION);
const table = (title: string, rows: Row[], ceiling?: Row) => printTable(title, rows, DURATION, ceiling);

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
      const rows = await measure([["robots.txt (ceiling)", "/robots.txt"], ...pages]);
      table(`Demo catalogue (${seedProducts.length} products)`, rows, rows[0]);
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
        const rows = await measure([
          ["robots.txt (ceiling)", "/robots.txt"],
          ["collection", "/collections/knitwear"],
          ["collection, page 40", "/collections/knitwear?sort=price-asc&page=40"],
          ["search", "/search?q=linen+shirt"],
          ["search, typo", "/search?q=hodie"],
          ["search, broad", "/search?q=wool"],
        ]);
        table(`Large catalogue (${LARGE} products)`, rows, rows[0]);
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
} else if (process.argv[2] === "social") {
  const { benchSocial } = await import("./bench/social");
  await benchSocial();
} else if (process.argv[2] === "campaign") {
  const { benchCampaign } = await import("./bench/campaign");
  await benchCampaign();
} else {
  await main();
}
