import postgres from "postgres";

/** A direct connection for arranging and checking data behind the data access layer's back. */
export function testSql() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set for the integration tests");
  return postgres(url, { max: 2, onnotice: () => {} });
}
