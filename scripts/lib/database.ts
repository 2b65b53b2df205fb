/**
 * Resolves the database a script should use: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL under .data/ (started here, or reused if one is already answering).
 */
import { runMigrations } from "../../db/migrate";
import { isCatalogueEmpty, seedDatabase } from "../../db/seed";
import { EmbeddedPostgresError, ensureDatabase, startEmbeddedPostgres, type RunningDatabase } from "./embedded-postgres";

/**
 * Starts (or reuses) the embedded PostgreSQL. When it cannot run for a reason the person at the
 * keyboard can fix (running as root in a private directory, a taken port…), the script ends
 * with that one sentence instead of a stack trace.
 */
export async function startEmbeddedOrExit(options: Parameters<typeof startEmbeddedPostgres>[0]): Promise<RunningDatabase> {
  try {
    return await startEmbeddedPostgres(options);
  } catch (e) {
    if (!(e instanceof EmbeddedPostgresError)) throw e;
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
}

/**
 * A server for throwaway databases (tests, benchmarks): the server behind DATABASE_URL when it
 * is set, otherwise an embedded PostgreSQL with its own data directory and port.
 */
export async function startScratchServer(options: { dataDir: string; port: number; portSetting?: string }): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    return { serverUrl: u.toString(), stop: async () => {} };
  }
  const embedded = await startEmbeddedOrExit(options);
  return { serverUrl: embedded.serverUrl, stop: () => embedded.stop() };
}

export const DEV_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
export const DEV_DATA_DIR = process.env.EMBEDDED_PG_DIR ?? ".data/postgres";

export type ResolvedDatabase = { url: string; embedded: RunningDatabase | null };

export async function resolveDatabase(options: { name?: string; fresh?: boolean; log?: (s: string) => void } = {}): Promise<ResolvedDatabase> {
  const log = options.log ?? ((s: string) => console.log(s));
  if (process.env.DATABASE_URL && !options.fresh) {
    return { url: process.env.DATABASE_URL, embedded: null };
  }
  if (process.env.DATABASE_URL && options.fresh) {
    // A throwaway database on the configured server (tests and benchmarks).
    const server = new URL(process.env.DATABASE_URL);
    server.pathname = "/postgres";
    const url = await ensureDatabase(server.toString(), options.name ?? "hearth", { fresh: true });
    return { url, embedded: null };
  }
  const embedded = await startEmbeddedOrExit({ dataDir: DEV_DATA_DIR, port: DEV_PORT, portSetting: "EMBEDDED_PG_PORT", log });
  if (embedded.startedHere) log(`Embedded PostgreSQL is running on 127.0.0.1:${DEV_PORT} (data in ${DEV_DATA_DIR}).`);
  else log(`Reusing the PostgreSQL server already running on 127.0.0.1:${DEV_PORT}.`);
  const url = await ensureDatabase(embedded.serverUrl, options.name ?? "hearth", { fresh: options.fresh });
  return { url, embedded };
}

/** Applies migrations, then seeds the demo catalogue if the shop has no products yet. */
export async function prepareDatabase(url: string, { seed = "if-empty" as "if-empty" | "always" | "never", log = console.log } = {}) {
  await runMigrations(url);
  if (seed === "always" || (seed === "if-empty" && (await isCatalogueEmpty(url)))) {
    await seedDatabase(url, { log });
  }
}
