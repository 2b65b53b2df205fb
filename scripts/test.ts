/**
 * `npm test`: every test the project has, in one command.
 *   1. builds the app when the production build is missing or older than the source,
 *   2. Vitest unit tests, then integration tests against a fresh real PostgreSQL,
 *   3. Playwright end-to-end tests in Chromium against `next start` on a fresh database.
 * Ends with "N passed, N failed" and a non-zero exit code on any failure.
 *
 *   npm test                 all of it
 *   npm test -- --skip-e2e   unit + integration only
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ensureBuild } from "./lib/build";
import { run } from "./lib/processes";

const args = new Set(process.argv.slice(2));
mkdirSync("test-results", { recursive: true });

let passed = 0;
let failed = 0;
const lines: string[] = [];

async function vitest(project: "unit" | "integration") {
  const out = `test-results/vitest-${project}.json`;
  const code = await run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    failed++;
    lines.push(`${project}: did not run (exit ${code})`);
    return;
  }
  const r = JSON.parse(readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  // A suite that crashed before its tests ran reports no failures; count it as one.
  const crashed = code !== 0 && r.numFailedTests === 0 ? 1 : 0;
  passed += r.numPassedTests;
  failed += r.numFailedTests + crashed;
  lines.push(`${project}: ${r.numPassedTests} passed, ${r.numFailedTests + crashed} failed`);
}

async function playwright() {
  if (!(await ensureBuild())) {
    failed++;
    lines.push("e2e: build failed");
    return;
  }
  const out = "test-results/e2e-results.json";
  const code = await run("npx", ["playwright", "test"], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) {
    failed++;
    lines.push(`e2e: did not run (exit ${code})`);
    return;
  }
  const r = JSON.parse(readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  const crashed = code !== 0 && r.stats.unexpected === 0 ? 1 : 0;
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected + crashed;
  lines.push(`e2e: ${r.stats.expected + r.stats.flaky} passed, ${r.stats.unexpected + crashed} failed${r.stats.skipped ? `, ${r.stats.skipped} skipped` : ""}`);
}

await vitest("unit");
await vitest("integration");
if (!args.has("--skip-e2e")) await playwright();

writeFileSync("test-results/summary.json", JSON.stringify({ passed, failed }));
console.log(`\n${lines.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
