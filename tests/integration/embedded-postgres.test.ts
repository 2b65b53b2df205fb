import { mkdtempSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

const dir = mkdtempSync(path.join(tmpdir(), "hearth-pg-"));
chmodSync(dir, 0o755);
const dataDir = path.join(dir, "data");
const port = 54000 + (process.pid % 900);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function answers(url: string) {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as one`;
    return row?.one === 1;
  } finally {
    await sql.end();
  }
}

describe("the embedded PostgreSQL behind `npm run dev`", () => {
  it("creates a cluster, keeps its data across restarts and recovers a stale lock", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port });
    expect(first.startedHere).toBe(true);
    expect(await answers(first.serverUrl)).toBe(true);
    const sql = postgres(first.serverUrl, { max: 1, onnotice: () => {} });
    await sql`create table kept (n int)`;
    await sql`insert into kept values (42)`;
    await sql.end();

    // A second start while it runs reuses the running server instead of failing.
    const again = await startEmbeddedPostgres({ dataDir, port });
    expect(again.startedHere).toBe(false);
    await first.stop();

    // A run killed with SIGKILL leaves postmaster.pid pointing at a process that is gone.
    writeFileSync(path.join(dataDir, "postmaster.pid"), `999999\n${dataDir}\n0\n${port}\n`);
    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(second.startedHere).toBe(true);
      const check = postgres(second.serverUrl, { max: 1, onnotice: () => {} });
      const [row] = await check`select n from kept`;
      await check.end();
      expect(row?.n).toBe(42);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
