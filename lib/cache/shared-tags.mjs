/**
 * One cache truth across app servers.
 *
 * Each app server keeps its rendered pages and 'use cache' entries in its own memory. Next
 * decides whether an entry is still good by its tags, through one process-wide map (Next's
 * `tagsManifest`: tag → { stale, expired } times), which both the page cache and the built-in
 * 'use cache' handler read. So agreeing across servers only needs that map to agree:
 *
 *   - When this server expires tags (revalidateTag / updateTag, anywhere), the page cache
 *     handler (page-cache-handler.mjs) updates the map as Next always does, then calls
 *     publishTags(): one transaction writes the tags' times to `cache_tags` and NOTIFYs the
 *     other servers.
 *   - Every server LISTENs; a notification is applied to its map at once, with the time it
 *     arrived (so clocks on different machines need not agree). No request waits for any of
 *     this: requests only read the map, which is kept current in the background.
 *   - On start, and after every reconnect of the LISTEN connection, the table is read once,
 *     so a server that was down or cut off misses nothing.
 *
 * Plain JavaScript because Next loads the page cache handler, and so this, at run time
 * without compiling it; typed for TypeScript by shared-tags.d.mts.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";

export const CHANNEL = "hearth_cache_tags";
/** NOTIFY payloads must stay under 8000 bytes: tags are announced in slices under this. */
const PAYLOAD_LIMIT = 7000;

/**
 * @typedef {{ stale?: number, expired?: number }} TagTimes
 * @typedef {Map<string, TagTimes>} Manifest
 * @typedef {{ from: string, tags: string[], stale: boolean, expireMs: number | null }} TagEvent
 */

/**
 * Applies an expiry to a tag map the way Next's own handlers do (FileSystemCache.revalidateTag):
 * with a profile, entries go stale now and expire after the profile's `expire`; without one,
 * they expire now.
 * @param {Manifest} manifest @param {string[]} tags @param {boolean} stale @param {number | null} expireMs @param {number} now
 */
export function applyExpiry(manifest, tags, stale, expireMs, now) {
  for (const tag of tags) {
    const existing = manifest.get(tag) ?? {};
    if (stale) manifest.set(tag, { ...existing, stale: now, ...(expireMs !== null ? { expired: now + expireMs } : {}) });
    else manifest.set(tag, { ...existing, expired: now });
  }
}

/**
 * Merges the stored times into the map, keeping whichever is later.
 * @param {Manifest} manifest @param {{ tag: string, stale: number | null, expired: number | null }[]} rows
 */
export function mergeStored(manifest, rows) {
  for (const row of rows) {
    const existing = manifest.get(row.tag) ?? {};
    const next = { ...existing };
    if (row.stale !== null && !(typeof existing.stale === "number" && existing.stale >= row.stale)) next.stale = row.stale;
    if (row.expired !== null && !(typeof existing.expired === "number" && existing.expired >= row.expired)) next.expired = row.expired;
    manifest.set(row.tag, next);
  }
}

/** Tags in slices whose notification payload stays under the limit. @param {string[]} tags */
function slices(tags) {
  const out = [];
  let current = [];
  let size = 0;
  for (const tag of tags) {
    if (current.length > 0 && size + tag.length + 3 > PAYLOAD_LIMIT - 200) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(tag);
    size += tag.length + 3;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * A tag sync for one database. `manifest` is the map to keep current (Next's, in the app).
 * @param {{ databaseUrl: string, manifest: Manifest, log?: (message: string) => void }} options
 */
export function createTagSync({ databaseUrl, manifest, log = (m) => console.error(m) }) {
  const instance = randomUUID();
  const sql = postgres(databaseUrl, {
    max: 2,
    idle_timeout: 0,
    onnotice: () => {},
    connection: { application_name: "hearth-cache-tags" },
  });
  let listening = null;
  let stopped = false;
  let reloads = 0;

  async function reload() {
    const rows = await sql`
      select tag,
        (extract(epoch from stale_at) * 1000)::float8 as stale,
        (extract(epoch from expired_at) * 1000)::float8 as expired
      from cache_tags`;
    mergeStored(manifest, rows);
    reloads++;
  }

  /** @param {string} payload */
  function onNotify(payload) {
    try {
      /** @type {TagEvent} */
      const event = JSON.parse(payload);
      // This server applied its own change before announcing it.
      if (event.from === instance || !Array.isArray(event.tags)) return;
      applyExpiry(manifest, event.tags.map(String), event.stale === true, typeof event.expireMs === "number" ? event.expireMs : null, Date.now());
    } catch (error) {
      log(`Cache tags: unreadable notification (${error instanceof Error ? error.message : error})`);
    }
  }

  function listen() {
    if (stopped) return;
    // postgres.js re-runs the onlisten callback after every reconnect of the LISTEN connection.
    listening = sql
      .listen(CHANNEL, onNotify, () => {
        reload().catch((error) => log(`Cache tags: could not read cache_tags (${error.message}); using what this server knows`));
      })
      .catch((error) => {
        // The database is not there yet: try again shortly, never failing a request.
        log(`Cache tags: not listening (${error.message}); retrying in 5 s`);
        listening = null;
        setTimeout(listen, 5000).unref();
      });
  }
  listen();

  return {
    instance,
    /** How many times the table has been read (start and reconnects). */
    get reloads() {
      return reloads;
    },
    /** Resolves once the LISTEN connection is up (tests). */
    ready: async () => {
      for (let i = 0; i < 100 && (reloads === 0 || !listening); i++) await new Promise((r) => setTimeout(r, 50));
      return listening;
    },
    /**
     * Records an expiry made on this server and announces it to the others.
     * @param {string[]} tags @param {{ expire?: number } | undefined} durations
     */
    async publish(tags, durations) {
      if (tags.length === 0) return;
      const stale = durations !== undefined;
      const expireMs = durations?.expire !== undefined ? durations.expire * 1000 : null;
      await sql.begin(async (tx) => {
        await tx`
          insert into cache_tags (tag, stale_at, expired_at, updated_at)
          select t,
            case when ${stale}::boolean then now() end,
            case when not ${stale}::boolean then now() when ${expireMs}::float8 is not null then now() + make_interval(secs => ${expireMs}::float8 / 1000) end,
            now()
          from unnest(${tags}::text[]) as t
          on conflict (tag) do update set
            stale_at = coalesce(excluded.stale_at, cache_tags.stale_at),
            expired_at = coalesce(excluded.expired_at, cache_tags.expired_at),
            updated_at = now()`;
        for (const slice of slices(tags)) {
          await tx`select pg_notify(${CHANNEL}, ${JSON.stringify({ from: instance, tags: slice, stale, expireMs })})`;
        }
      });
    },
    async stop() {
      stopped = true;
      await sql.end({ timeout: 1 });
    },
  };
}

const SINGLETON = Symbol.for("hearth.cache.sharedTags");

/**
 * The app server's tag sync, started on first use, or null where there is no database to share
 * through (`next build`, or no DATABASE_URL).
 * @returns {ReturnType<typeof createTagSync> | null}
 */
export function sharedTagSync() {
  const holder = /** @type {any} */ (globalThis);
  if (holder[SINGLETON] !== undefined) return holder[SINGLETON];
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || process.env.NEXT_PHASE === "phase-production-build") {
    holder[SINGLETON] = null;
    return null;
  }
  const manifest = (tagsManifestModule.default ?? tagsManifestModule).tagsManifest;
  holder[SINGLETON] = createTagSync({ databaseUrl, manifest });
  return holder[SINGLETON];
}
