/**
 * Every Next.js process the scripts start goes through here. Next.js sends anonymous usage
 * telemetry to Vercel unless NEXT_TELEMETRY_DISABLED is set in that process's environment; a
 * shop that promises no third-party requests does not phone home from its own tooling either.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { run } from "./processes";

export function nextEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, NEXT_TELEMETRY_DISABLED: "1" };
}

/** `npx next <args>` as a long-running child (dev and production servers). */
export function spawnNext(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn("npx", ["next", ...args], { ...options, env: nextEnv(options.env ?? process.env) });
}

/** `npx next <args>` with inherited output; resolves with its exit code. */
export function runNext(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return run("npx", ["next", ...args], nextEnv(env));
}
