/**
 * Data-access-layer figures for `npm run bench`, run in a process of its own so each
 * measurement gets a fresh connection pool for the database it names:
 *   tsx --import ./scripts/lib/server-only-hook.mjs scripts/bench-dal.ts search|checkout <database-url> [products]
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";

const [mode, databaseUrl, products = "?"] = process.argv.slice(2);
if (!databaseUrl || (mode !== "search" && mode !== "checkout")) {
  console.error("usage: bench-dal.ts search|checkout <database-url>");
  process.exit(2);
}
process.env.DATABASE_URL = databaseUrl;
// Sixteen buyers need sixteen connections to be concurrent at all.
process.env.DATABASE_POOL_SIZE = "20";

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
}

async function search() {
  const { searchProducts } = await import("../db/queries/catalog");
  const queries = ["linen shirt", "wool", "candle", "hodie", "candel", "stoneware mug", "walnut", "brass vase", "merino jumper", "gift", "espreso", "zzqqxx", "oak bowl no. 4321", "kitchen apron", "tea towel"];
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of queries) {
      const started = performance.now();
      await searchProducts(q, 1 + (round % 3));
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `searchProducts on ${products} products, ${times.length} queries one at a time: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
  );
  // Slips the words as typed cannot find, so every one takes the corrected path; measured
  // apart so that the line above stays comparable with earlier runs.
  const slips = ["herth", "cnadle", "walmut", "fishremen", "lamsbwol cardgan", "linen shrit", "merrino hoodei", "glorf"];
  const slipTimes: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of slips) {
      const started = performance.now();
      await searchProducts(q, 1);
      slipTimes.push(performance.now() - started);
    }
  }
  slipTimes.sort((a, b) => a - b);
  console.log(
    `searchProducts with slips only, ${slipTimes.length} queries one at a time: p50 ${percentile(slipTimes, 50).toFixed(1)} ms, p95 ${percentile(slipTimes, 95).toFixed(1)} ms, p99 ${percentile(slipTimes, 99).toFixed(1)} ms`,
  );
}

async function checkout() {
  const { placeOrder } = await import("../db/queries/orders");
  const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  // Ample stock everywhere, so every order succeeds and only contention is measured.
  await sql`update product_variants set stock = 1000000 where price_amount > 0 and sku not like 'GIFCAR%'`;
  const variants = (await sql`select v.id from product_variants v join products p on p.id = v.product_id where p.status = 'published' order by v.id limit 60`).map((r) => r.id as number);
  await sql.end();

  const BUYERS = 16;
  const SECONDS = 5;
  const address = { name: "Bench Buyer", line1: "1 Test Street", line2: "", city: "Leeds", postalCode: "LS1 1AA", country: "GB" };
  const run = async (pick: () => number[]) => {
    const times: number[] = [];
    let failures = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: BUYERS }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          const result = await placeOrder({
            idempotencyKey: randomUUID(),
            email: "bench@example.com",
            shipping: address,
            shippingMethod: "standard",
            discountCode: null,
            items: pick().map((variantId) => ({ variantId, quantity: 1 })),
            newsletterOptIn: false,
            paymentProvider: "manual",
          });
          times.push(performance.now() - started);
          if (!result.ok) failures++;
        }
      }),
    );
    times.sort((a, b) => a - b);
    return { perSecond: times.length / SECONDS, p50: percentile(times, 50), p95: percentile(times, 95), failures };
  };
  const spread = await run(() => {
    const a = variants[Math.floor(Math.random() * variants.length)]!;
    const b = variants[Math.floor(Math.random() * variants.length)]!;
    return a === b ? [a] : [a, b];
  });
  const contended = await run(() => [variants[0]!]);
  console.log(`\nplaceOrder, ${BUYERS} concurrent buyers for ${SECONDS} s each:`);
  console.log("| scenario | orders/s | p50 ms | p95 ms | failed |");
  console.log("|---|---:|---:|---:|---:|");
  console.log(`| ample stock, 1–2 lines over 60 variants | ${spread.perSecond.toFixed(0)} | ${spread.p50.toFixed(1)} | ${spread.p95.toFixed(1)} | ${spread.failures} |`);
  console.log(`| every buyer after the same variant | ${contended.perSecond.toFixed(0)} | ${contended.p50.toFixed(1)} | ${contended.p95.toFixed(1)} | ${contended.failures} |`);
}

await (mode === "search" ? search() : checkout());
process.exit(0);
