/**
 * The load generator the storefront benchmarks share: autocannon with a fixed number of
 * connections, each URL measured in interleaved slices so that a machine getting faster or
 * slower during the run (shared CPUs do) affects every URL alike and ratios stay fair.
 */
import autocannon from "autocannon";
import { percentile } from "./server";

export const CONNECTIONS = 32;
export const ROUNDS = 5;

export type Target = { name: string; url: string; headers?: Record<string, string> };
export type Row = { name: string; path: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; bytes: number };

async function hammer(target: Target, seconds: number) {
  const times: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: target.url, headers: target.headers, connections: CONNECTIONS, duration: seconds }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      times.push(responseTime);
      bytes = resBytes;
    });
  });
  return { times, bytes, requests: result.requests.total, duration: result.duration || seconds, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** `seconds` per target in all, split over ROUNDS interleaved slices; each target is warmed up first. */
export async function measureAll(targets: Target[], seconds: number): Promise<Row[]> {
  for (const target of targets) {
    // Warm up: the first request renders and caches the page; measure the steady state.
    for (let i = 0; i < 3; i++) await fetch(target.url, { headers: target.headers, redirect: "manual" }).then((r) => r.arrayBuffer());
  }
  const acc = targets.map(() => ({ times: [] as number[], bytes: 0, requests: 0, duration: 0, errors: 0, non2xx: 0 }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) {
      const r = await hammer(target, seconds / ROUNDS);
      const a = acc[i]!;
      a.times.push(...r.times);
      a.bytes = r.bytes;
      a.requests += r.requests;
      a.duration += r.duration;
      a.errors += r.errors;
      a.non2xx += r.non2xx;
    }
  }
  return targets.map((target, i) => {
    const a = acc[i]!;
    a.times.sort((x, y) => x - y);
    const url = new URL(target.url);
    return {
      name: target.name,
      path: url.pathname + url.search,
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

/**
 * One row per target. `ceiling` adds a throughput ratio column; `second` (another ceiling from
 * the same run) adds its own, and the p95 against the first ceiling's p95.
 */
export function printTable(title: string, rows: Row[], seconds: number, ceiling?: Row, { note = "no compression", countRedirects = false, second }: { note?: string; countRedirects?: boolean; second?: Row } = {}) {
  console.log(`\n${title}  (${CONNECTIONS} connections, ${seconds} s each in ${ROUNDS} interleaved slices, ${note})`);
  const extra = second ? ` vs ${second.name} | p95 vs ${ceiling?.name ?? "ceiling"} |` : "";
  console.log(`| page | path | req/s | p50 ms | p95 ms | p99 ms | vs ${ceiling?.name ?? "ceiling"} |${extra} errors | body KB |`);
  console.log(`|---|---|---:|---:|---:|---:|---:|${second ? "---:|---:|" : ""}---:|---:|`);
  for (const r of rows) {
    const ratio = ceiling ? (r.rps / ceiling.rps).toFixed(2) : "–";
    const more = second ? ` ${(r.rps / second.rps).toFixed(2)} | ${ceiling && ceiling.p95 > 0 ? (r.p95 / ceiling.p95).toFixed(2) : "–"} |` : "";
    const errors = r.errors + (countRedirects ? 0 : r.non2xx);
    console.log(`| ${r.name} | ${r.path} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${ratio} |${more} ${errors} | ${(r.bytes / 1024).toFixed(1)} |`);
  }
}

/** Each figure beside its target, from the same run: `ok` is true when the target holds. */
export function printTargets(title: string, figures: { figure: string; measured: string; target: string; ok: boolean }[]) {
  console.log(`\n${title}`);
  console.log("| figure | measured | target | holds |");
  console.log("|---|---:|---:|---|");
  for (const f of figures) console.log(`| ${f.figure} | ${f.measured} | ${f.target} | ${f.ok ? "yes" : "**no**"} |`);
}
