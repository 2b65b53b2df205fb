import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { query } from "./database";

/*
 * Every way into the app, read from the build and the source tree (the same reading as
 * e2e/entry-points.spec.ts): the server actions of the build's server-reference manifest and
 * the route handlers under app/.
 */

type ManifestEntry = { exportedName: string; filename: string; workers: Record<string, unknown> };

export type ServerAction = { id: string; exportedName: string; filename: string; page: string };

/** The build's server actions ('use cache' functions, also registered as references, are not actions). */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .filter(([, entry]) => !entry.exportedName.startsWith("$$RSC_SERVER_CACHE"))
    .map(([id, entry]) => ({ id, exportedName: entry.exportedName, filename: entry.filename, page: pageFor(Object.keys(entry.workers)) }));
}

/** A page that carries the action, as a URL a visitor can post to. */
function pageFor(workers: string[]): string {
  const paths = workers.map((w) =>
    w
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/^\/products\/\[slug\]\/\[variant\]$/, "/products/everyday-mug")
      .replace(/^\/collections\/\[slug\]\/\[state\]$/, "/collections/candles")
      .replace(/^\/home\/\[edition\]$/, "/")
      .replace(/\[[^\]]+\]/g, "x"),
  );
  // Prefer a page without made-up segments.
  return paths.find((p) => !p.includes("/x") && !p.startsWith("/_") && p !== "") ?? paths[0]!;
}

export type RouteHandler = { file: string; method: string; segments: string[] };

/** Every route handler method under app/, with its URL's segments ("[id]", "[...key]" for dynamic ones). */
export function routeHandlers(): RouteHandler[] {
  const files: string[] = [];
  (function walk(dir: string) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx)$/.test(entry.name)) files.push(full);
    }
  })("app");
  return files.sort().flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const segments = file
      .replace(/^app\//, "")
      .replace(/\/route\.tsx?$/, "")
      .split("/")
      .filter((s) => !/^\(.*\)$/.test(s));
    return [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE)\b/gm)].map(([, method]) => ({ file, method: method!, segments }));
  });
}

/**
 * A hash of every row of every table but `skip`, with `only` narrowing a table to some of its
 * rows: equal before and after means nothing changed.
 */
export async function databaseFingerprint(skip: ReadonlySet<string>, only: Readonly<Record<string, string>> = {}) {
  return query(async (sql) => {
    const tables = await sql<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
    const parts = tables
      .filter((t) => !skip.has(t.name))
      .map(
        (t) =>
          `select '${t.name}' as name, count(*)::int as rows, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as hash from "${t.name}" x${only[t.name] ? ` where ${only[t.name]}` : ""}`,
      );
    const rows = await sql.unsafe<{ name: string; rows: number; hash: string }[]>(parts.join(" union all "));
    return Object.fromEntries(rows.map((r) => [r.name, `${r.rows}:${r.hash}`]));
  });
}
