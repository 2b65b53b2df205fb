import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnNext } from "../../scripts/lib/next";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

describe("Next.js telemetry (a privacy-first shop does not phone home by default)", () => {
  it("is off in a Next.js process started the scripts' way, even when the machine has it on", async () => {
    const env = { ...process.env };
    delete env.NEXT_TELEMETRY_DISABLED;
    const child = spawnNext(["telemetry", "status"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(output).toMatch(/Status: Disabled/);
  }, 60_000);

  it("is how every npm script and script file starts Next.js", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    for (const [name, command] of Object.entries(scripts)) {
      expect(command, `npm script "${name}" runs next itself`).not.toMatch(/(^|&&|\|\||;)\s*(npx\s+)?next\b/);
    }
    const files = [...sourceFiles("scripts"), "playwright.config.ts"].filter((f) => f !== path.join("scripts", "lib", "next.ts"));
    expect(files).toContain(path.join("scripts", "dev.ts"));
    for (const file of files) {
      const code = withoutComments(readFileSync(file, "utf8"));
      expect(code, `${file} starts next without scripts/lib/next.ts`).not.toMatch(/\[\s*["'`]next["'`]/);
      expect(code, `${file} starts next without scripts/lib/next.ts`).not.toMatch(/["'`](npx )?next (dev|start|build)\b/);
    }
  });
});
