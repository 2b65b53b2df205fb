import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

function createDb() {
  const env = getEnv();
  // postgres.js connects lazily, so importing this module (e.g. during `next build`) opens nothing.
  const client = postgres(env.DATABASE_URL, {
    max: env.DATABASE_POOL_SIZE,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
  });
  return drizzle(client, { schema, casing: "snake_case" });
}

export type Db = ReturnType<typeof createDb>;
/** A transaction, handed to data-access functions that must run inside the caller's (e.g. an audited admin change). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// One pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { hearthDb?: Db };

export function getDb(): Db {
  globalForDb.hearthDb ??= createDb();
  return globalForDb.hearthDb;
}
