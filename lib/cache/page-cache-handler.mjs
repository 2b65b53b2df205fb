/**
 * Next's page cache (its default in-memory store, FileSystemCache) made to agree across app
 * servers: every tag expiry made here is also announced to the others (shared-tags.mjs), and
 * constructing it starts this server's listener. Configured as `cacheHandler` in next.config.ts.
 *
 * Next calls revalidateTag() here for every revalidateTag/updateTag in the app, after telling
 * the 'use cache' handlers; both caches read the same process-wide tag map, which the listener
 * keeps current with the other servers' expiries. So Next's built-in 'use cache' handler needs
 * no wrapper of its own.
 */
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { sharedTagSync } from "./shared-tags.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

export default class SharedPageCache extends FileSystemCache {
  /** @param {any} context */
  constructor(context) {
    super(context);
    // Next makes one handler per request; the sync is one per process.
    sharedTagSync();
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    try {
      await sharedTagSync()?.publish(list, durations);
    } catch (error) {
      // The change itself is saved; only the other servers' copies stay until their time runs out.
      console.error(`Cache tags not shared with the other app servers: ${error instanceof Error ? error.message : error}`);
    }
  }
}
