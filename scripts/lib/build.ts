import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { run } from "./processes";

const sourceDirs = ["app", "components", "lib", "db", "public"];
const sourceFiles = ["proxy.ts", "next.config.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of sourceDirs) if (existsSync(d)) visit(d);
  for (const f of sourceFiles) if (existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

/** True when .next holds a production build newer than every source file. */
export function buildIsFresh(): boolean {
  return existsSync(".next/BUILD_ID") && statSync(".next/BUILD_ID").mtimeMs > newestSourceMtime();
}

/** Runs `npm run build` unless the build is already fresh. Resolves with success. */
export async function ensureBuild(log = console.log): Promise<boolean> {
  if (buildIsFresh()) return true;
  log("Building the app (npm run build)…");
  return (await run("npm", ["run", "build"])) === 0;
}
