import postgres from "postgres";

/**
 * The database the e2e server runs on (scripts/e2e-server.ts), for the few checks a browser
 * cannot make: what was stored, and arranging time (a sign-in from eleven minutes ago).
 */
export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/hearth_e2e";
    return url.toString();
  }
  return `postgres://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54349}/hearth_e2e`;
}

/** Runs one query on a connection of its own (tests run in parallel workers). */
export async function query<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}
