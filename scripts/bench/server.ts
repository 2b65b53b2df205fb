/**
 * The production server the benchmarks measure (`next start` on the build in .next), in a
 * process group of its own so that stopping it also stops the next-server process npx starts.
 */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { spawnNext } from "../lib/next";

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function startServer(options: { port: number; databaseUrl: string; mailUrl: string; env?: Record<string, string | undefined> }): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${options.port}`;
  const child = spawnNext(["start", "--port", String(options.port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      SITE_URL: origin,
      RESEND_BASE_URL: options.mailUrl,
      AUTH_SECRET: "bench-auth-secret-0123456789-abcdefghijkl",
      ...options.env,
    },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (child.pid) process.kill(-child.pid, "SIGTERM");
  throw new Error("The production server did not start within 60 s");
}

export async function stopServer(child: ChildProcess, port: number) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  await exited;
  // Wait until the port is free so the next server can bind it.
  for (let i = 0; i < 40; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/robots.txt`);
      await new Promise((r) => setTimeout(r, 250));
    } catch {
      return;
    }
  }
}

/** Resident memory of a process in bytes (Linux /proc), or null when it has gone. */
export function residentBytes(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The process in the server's group that serves requests: `npx` starts node, which names
 * itself next-server; the largest resident process of the group if none does.
 */
export function serverProcessId(child: ChildProcess): number | null {
  if (!child.pid) return null;
  const members: { pid: number; name: string; rss: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== child.pid) continue;
      const name = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      members.push({ pid: Number(entry), name, rss: residentBytes(Number(entry)) ?? 0 });
    } catch {
      /* exited meanwhile */
    }
  }
  const named = members.find((m) => m.name.startsWith("next-server"));
  return (named ?? members.sort((a, b) => b.rss - a.rss)[0])?.pid ?? null;
}
