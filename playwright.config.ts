import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// "localhost", not 127.0.0.1: Next's request URLs spell loopback hosts "localhost", and
// Auth.js builds its redirects from them, so cookies must belong to that name.
export const baseURL = `http://localhost:${port}`;
/** A second app server on the same database and build (scripts/e2e-server.ts), as behind a load balancer. */
export const secondBaseURL = `http://localhost:${port + 1}`;

// Playwright cannot download its own browsers here: use Debian's Chromium when present.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // First, alone on the freshly seeded database: every entry point called by the wrong
    // caller, with the whole database fingerprinted before and after (e2e/entry-points.spec.ts).
    { name: "entry-points", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /entry-points\.spec\.ts/ },
    // Then generated bad input to every entry point, still with nothing else writing to the
    // database, which must not change (e2e/bad-input.spec.ts).
    { name: "bad-input", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /bad-input\.spec\.ts/, dependencies: ["entry-points"] },
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /(entry-points|bad-input)\.spec\.ts/, dependencies: ["entry-points", "bad-input"] },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } }, testMatch: /journeys\.spec\.ts/, dependencies: ["entry-points", "bad-input"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
