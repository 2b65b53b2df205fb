import { spawn, type ChildProcess } from "node:child_process";

/** Runs a command with inherited stdio and resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

/**
 * Keeps a long-running child (next dev / next start) in the foreground and shuts everything
 * down together: Ctrl-C stops Next.js first, then the cleanup (the embedded database).
 */
export function superviseChild(child: ChildProcess, cleanup: () => Promise<void>) {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          r(undefined);
        }, 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          r(undefined);
        });
      });
    }
    await cleanup().catch((e) => console.error(e));
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}
