/**
 * The JavaScript floor of the framework: a hello-world App Router page built with the same
 * Next.js as the shop (node_modules of this repository), default settings, no libraries. The
 * bench prints the shop's first-load JavaScript beside this figure, so "≤ hello world + 10 KB"
 * is measured on the day's Next version rather than remembered.
 *
 * The app is written outside the repository (in the system's temporary directory): built
 * anywhere under the shop's tree, Next picks up the shop's instrumentation.ts and proxy.ts.
 * It gets its own node_modules as hard links to the shop's (a copy where links cannot be made),
 * so it builds with exactly the shop's Next.js.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { nextEnv } from "../lib/next";

const DIR = path.join(tmpdir(), "hearth-bench-hello-world");
const NEXT_BIN = path.join(DIR, "node_modules/next/dist/bin/next");

const files: Record<string, string> = {
  "package.json": JSON.stringify({ name: "hello-world", private: true, type: "module" }, null, 2),
  "package-lock.json": JSON.stringify({ name: "hello-world", lockfileVersion: 3, requires: true, packages: {} }),
  // Its own, default settings: without a config file here Next would use the shop's one above.
  "next.config.mjs": "export default {};\n",
  "app/layout.jsx": `export const metadata = { title: "Hello" };
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `export default function Page() {
  return <h1>Hello, world</h1>;
}
`,
};

function runIn(args: string[], options: { detached?: boolean; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: DIR,
    stdio: ["ignore", "ignore", "inherit"],
    detached: options.detached,
    env: nextEnv({ ...process.env, NODE_ENV: "production", ...options.env }),
  });
}

/** Writes and builds the hello-world app; resolves when `next build` has finished. */
export async function buildHelloWorld(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(DIR, name)), { recursive: true });
    writeFileSync(path.join(DIR, name), text);
  }
  const modules = path.resolve("node_modules");
  try {
    execFileSync("cp", ["-al", modules, path.join(DIR, "node_modules")]);
  } catch {
    rmSync(path.join(DIR, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", modules, path.join(DIR, "node_modules")]);
  }
  const code = await new Promise<number>((resolve) => runIn(["build"]).on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`The hello-world build failed (exit ${code})`);
}

/** First-load JavaScript of `path` on a running server: the scripts a modern browser fetches. */
export async function firstLoadJs(origin: string, pagePath: string) {
  const html = await (await fetch(origin + pagePath)).text();
  // <script src> tags, less the noModule polyfills only old browsers fetch.
  const tags = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((tag) => !/nomodule/i.test(tag));
  const srcs = [...new Set(tags.map((tag) => /src="([^"]+\.js[^"]*)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)))];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { files: srcs.length, rawKb: raw / 1024, gzipKb: gz / 1024 };
}

/** Builds the hello-world app, serves it on `port`, measures its first-load JS, stops it. */
export async function helloWorldFirstLoadJs(port: number) {
  await buildHelloWorld();
  const server = runIn(["start", "--port", String(port)], { detached: true });
  const origin = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(origin + "/")).ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error("The hello-world server did not start within 60 s");
      await new Promise((r) => setTimeout(r, 250));
    }
    return await firstLoadJs(origin, "/");
  } finally {
    if (server.pid && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    rmSync(DIR, { recursive: true, force: true });
  }
}
