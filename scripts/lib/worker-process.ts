import { spawn, type ChildProcess } from "node:child_process";

/**
 * Runs `scripts/worker.ts` as a child process with the app's environment (dev, the demo and
 * the e2e server start one beside Next.js). Restarted if it dies, unless we are stopping.
 */
/**
 * The worker's heap ceiling. Sending makes a lot of short-lived garbage (each batch is ~100
 * rendered emails); without a ceiling V8 lets the heap grow to hundreds of MB before it bothers
 * to collect. 200 MB keeps the process well under 300 MB resident (npm run bench -- campaign).
 */
export const WORKER_NODE_ARGS = ["--max-old-space-size=200", "--import", "tsx", "--import", "./scripts/lib/server-only-hook.mjs", "scripts/worker.ts"];

export function spawnWorker(env: NodeJS.ProcessEnv, { restart = true } = {}): { stop: () => Promise<void> } {
  let child: ChildProcess | undefined;
  let stopping = false;
  const start = () => {
    child = spawn(process.execPath, WORKER_NODE_ARGS, { stdio: "inherit", env });
    child.on("exit", (code, signal) => {
      if (stopping || !restart) return;
      console.error(`[worker] exited (${signal ?? code}); restarting in 2 s`);
      setTimeout(() => !stopping && start(), 2000);
    });
  };
  start();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => (child!.kill("SIGKILL"), resolve()), 12_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
        child.kill("SIGTERM");
      }),
  };
}
