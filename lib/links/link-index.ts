import { listTrackedLinkTargets, type TrackedLinkTarget } from "@/db/queries/tracked-links";

/*
 * Every tracked link by slug, in memory per server process, for /go/<slug> and for proxy.ts
 * (which turns an unknown slug into the shop's 404 before the route handler runs). A redirect
 * is then a map lookup: no database round trip on the request, which the benchmark measures.
 *
 * Refreshed in the background every REFRESH_MS, and at once when this process changes a link
 * (forgetTrackedLinkIndex, after the admin action commits). A link created on another app
 * server therefore works here within REFRESH_MS; an edited destination follows as quickly.
 * A few hundred links are a few kilobytes.
 */

const REFRESH_MS = 15_000;

export type TrackedLinkIndex = Map<string, TrackedLinkTarget>;

type Holder = { index?: TrackedLinkIndex; loadedAt: number; loading?: Promise<TrackedLinkIndex | undefined>; generation: number; forgotten: boolean };

// On globalThis: proxy.ts and the app's route handlers are separate bundles in one process.
const KEY = Symbol.for("hearth.trackedLinkIndex");
const holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= { loadedAt: 0, generation: 0, forgotten: false });

async function load(): Promise<TrackedLinkIndex | undefined> {
  const generation = holder.generation;
  try {
    const rows = await listTrackedLinkTargets();
    const index: TrackedLinkIndex = new Map(rows.map((row) => [row.slug, row]));
    // A load that started before a link changed may not overwrite the newer state.
    if (generation === holder.generation) {
      holder.index = index;
      holder.loadedAt = Date.now();
      holder.forgotten = false;
    }
    return index;
  } catch (error) {
    console.error("Tracked link index could not be loaded", error instanceof Error ? error.message : error);
    return holder.forgotten ? undefined : holder.index;
  } finally {
    if (generation === holder.generation) holder.loading = undefined;
  }
}

/**
 * The index, or undefined when the database cannot be reached and nothing was loaded before
 * (then the proxy lets the request through and the handler says the link cannot be followed
 * right now, rather than calling a real link unknown).
 */
export async function getTrackedLinkIndex(): Promise<TrackedLinkIndex | undefined> {
  const stale = Date.now() - holder.loadedAt > REFRESH_MS;
  if (holder.index && !stale) return holder.index;
  holder.loading ??= load();
  // Serve the previous index while a periodic refresh loads; after this process changed a
  // link (or before the first load), wait for the fresh one.
  return holder.index && !holder.forgotten ? holder.index : holder.loading;
}

/** After this process created or changed a link: the next request waits for a fresh index. */
export function forgetTrackedLinkIndex() {
  holder.generation++;
  holder.loadedAt = 0;
  holder.forgotten = true;
  holder.loading = undefined;
}

/** A slug as typed in a caption: matched without regard to case. */
export function lookupKey(slug: string): string {
  return slug.toLowerCase();
}
