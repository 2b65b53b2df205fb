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

type Db = ReturnType<typeof createDb>;

// One pool per server process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { hearthDb?: Db };

export function getDb(): Db {
  globalForDb.hearthDb ??= createDb();
  return globalForDb.hearthDb;
}
