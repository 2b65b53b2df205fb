/**
 * `npm run bench`: measures the storefront the way STACK.md describes (autocannon, 32
 * connections, no compression, 10 s per URL) against the production build on a freshly
 * seeded database, with /robots.txt from the same server as the framework's ceiling.
 * Prints figures; it asserts nothing.
 *
 *   npm run bench                       demo catalogue
 *   npm run bench -- --products 10000   also search and collection on a 10,000-product catalogue
 *   npm run bench -- --duration 5       seconds per URL
 */
import { spawn, type ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { generateProductImages } from "./generate-images";
import { ensureBuild } from "./lib/build";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type RunningDatabase } from "./lib/embedded-postgres";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const DURATION = Number(argValue("--duration") ?? 10);
const CONNECTIONS = 32;
const LARGE = Number(argValue("--products") ?? 0);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const ORIGIN = `http://127.0.0.1:${PORT}`;

type Row = { name: string; path: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; bytes: number };

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, path: string): Promise<Row> {
  // Warm up: the first request renders and caches the page; measure the steady state.
  for (let i = 0; i < 3; i++) await fetch(ORIGIN + path).then((r) => r.arrayBuffer());
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: ORIGIN + path, connections: CONNECTIONS, duration: DURATION }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      times.push(responseTime);
      bytes = resBytes;
    });
  });
  times.sort((a, b) => a - b);
  return {
    name,
    path,
    rps: result.requests.total / (result.duration || DURATION),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes,
  };
}

function printTable(title: string, rows: Row[], ceiling?: Row) {
  console.log(`\n${title}  (${CONNECTIONS} connections, ${DURATION} s each, no compression)`);
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
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, ORIGIN))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { files: srcs.length, rawKb: raw / 1024, gzipKb: gz / 1024 };
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn("npx", ["next", "start", "--port", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SITE_URL: ORIGIN },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error("The production server did not start within 60 s");
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Adds `count` generated products, spread over the demo collections, with three variants each. */
async function addGeneratedProducts(databaseUrl: string, count: number) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`
        insert into products (slug, title, summary, description, materials, care, keywords, option_names, status, created_at)
        select 'bench-' || i,
          (array['Linen','Wool','Oak','Stoneware','Cotton','Merino','Walnut','Brass'])[1 + i % 8] || ' ' ||
          (array['shirt','mug','bowl','scarf','candle','throw','apron','vase','jumper','plate'])[1 + (i / 8) % 10] || ' no. ' || i,
          'A generated product for benchmarks.',
          'Generated product ' || i || ' made from ' || (array['linen','wool','oak','clay','cotton'])[1 + i % 5] || ', for measuring search and listings at scale.',
          'Generated.', 'None.', (array['gift','home','kitchen','wardrobe','table'])[1 + i % 5],
          '["Colour"]'::jsonb, 'published', now() - (i || ' minutes')::interval
        from generate_series(1, ${count}) as i`;
      await tx`
        insert into product_variants (product_id, sku, options, price_amount, currency, stock, position)
        select p.id, 'BENCH-' || p.id || '-' || c.n, jsonb_build_object('Colour', (array['Sand','Moss','Charcoal'])[c.n]),
          500 + (p.id * 37 + c.n * 101) % 20000, 'GBP', (p.id + c.n) % 25, c.n
        from products p cross join generate_series(1, 3) as c(n)
        where p.slug like 'bench-%'`;
      await tx`
        insert into product_images (product_id, src, alt, width, height, position)
        select p.id, i.src, p.title, i.width, i.height, 0
        from products p
        cross join lateral (select src, width, height from product_images order by id offset (p.id % 40) limit 1) i
        where p.slug like 'bench-%'`;
      await tx`
        insert into collection_products (collection_id, product_id, position)
        select c.id, p.id, 1000 + p.id from products p
        join collections c on c.position = p.id % (select count(*) from collections)
        where p.slug like 'bench-%'`;
      await tx`analyze`;
    });
  } finally {
    await sql.end();
  }
}

async function main() {
  if (!(await ensureBuild())) throw new Error("Build failed");
  await generateProductImages();

  let embedded: RunningDatabase | null = null;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    serverUrl = u.toString();
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: ".data/postgres-bench", port: Number(process.env.BENCH_PG_PORT ?? 54359) });
    serverUrl = embedded.serverUrl;
  }

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
    let server = await startServer(url);
    try {
      const ceiling = await measure("robots.txt (ceiling)", "/robots.txt");
      const rows = [ceiling];
      for (const [name, path] of pages) rows.push(await measure(name, path));
      printTable("Demo catalogue (43 products)", rows, ceiling);
      const js = await firstLoadJs("/products/linen-overshirt");
      console.log(`\nFirst-load JavaScript on the product page: ${js.gzipKb.toFixed(1)} KB gzip (${js.rawKb.toFixed(1)} KB raw, ${js.files} files)`);
    } finally {
      await stopServer(server);
    }

    if (LARGE > 0) {
      const largeUrl = await ensureDatabase(serverUrl, "hearth_bench_large", { fresh: true });
      await runMigrations(largeUrl);
      await seedDatabase(largeUrl, { log: () => {} });
      console.log(`\nGenerating ${LARGE} products…`);
      await addGeneratedProducts(largeUrl, LARGE - 43);
      server = await startServer(largeUrl);
      try {
        const ceiling = await measure("robots.txt (ceiling)", "/robots.txt");
        const rows = [ceiling];
        for (const [name, path] of [
          ["collection", "/collections/knitwear"],
          ["collection, page 40", "/collections/knitwear?sort=price-asc&page=40"],
          ["search", "/search?q=linen+shirt"],
          ["search, typo", "/search?q=hodie"],
          ["search, broad", "/search?q=wool"],
        ] as const) {
          rows.push(await measure(name, path));
        }
        printTable(`Large catalogue (${LARGE} products)`, rows, ceiling);
      } finally {
        await stopServer(server);
      }
      await dropDatabase(serverUrl, "hearth_bench_large");
    }
    await dropDatabase(serverUrl, "hearth_bench");
  } finally {
    await embedded?.stop();
  }
}

await main();
