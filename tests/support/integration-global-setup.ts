import type { TestProject } from "vitest/node";
import { runMigrations } from "../../db/migrate";
import { seedDatabase } from "../../db/seed";
import { startScratchServer } from "../../scripts/lib/database";
import { dropDatabase, ensureDatabase } from "../../scripts/lib/embedded-postgres";

/**
 * Each run gets a fresh database: on DATABASE_URL's server when set, otherwise on an embedded
 * PostgreSQL of its own (separate port and data directory from `npm run dev`).
 */
export default async function setup(project: TestProject) {
  const name = `hearth_it_${process.pid}`;
  const server = await startScratchServer({ dataDir: ".data/postgres-test", port: Number(process.env.TEST_PG_PORT ?? 54339), portSetting: "TEST_PG_PORT" });
  const serverUrl = server.serverUrl;
  const url = await ensureDatabase(serverUrl, name, { fresh: true });
  await runMigrations(url);
  await seedDatabase(url, { log: () => {} });
  project.provide("databaseUrl", url);

  return async () => {
    await dropDatabase(serverUrl, name).catch(() => {});
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
