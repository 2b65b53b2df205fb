import { listRouteIndexData } from "@/db/queries/catalog";
import type { ListingState } from "./listing-params";

/*
 * Which catalogue URLs name something real, for proxy.ts. Each distinct product, variant and
 * listing URL is rendered once and then kept in Next's page cache, so a URL that names nothing
 * (an unknown product, a made-up SKU, a filter value no product has) must be turned away or
 * folded into a real page before rendering: otherwise a script can fill the cache with junk
 * and push the real pages out.
 *
 * Kept in memory per server process and refreshed in the background every REFRESH_MS, or at
 * once when this process changes the catalogue (forgetRouteIndex). A product published on
 * another app server is therefore reachable here within REFRESH_MS.
 */

const REFRESH_MS = 15_000;

export type RouteIndex = {
  products: Map<string, Set<string>>;
  collections: Map<string, { options: Map<string, Set<string>>; minPrice: number | null; maxPrice: number | null }>;
};

type Holder = { index?: RouteIndex; loadedAt: number; loading?: Promise<RouteIndex | undefined>; generation: number };

// On globalThis: proxy.ts and the app's routes are separate bundles in one process.
const KEY = Symbol.for("hearth.catalogRouteIndex");
const holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= { loadedAt: 0, generation: 0 });

async function load(): Promise<RouteIndex | undefined> {
  const generation = holder.generation;
  try {
    const data = await listRouteIndexData();
    const index: RouteIndex = {
      products: new Map(data.products.map((p) => [p.slug, new Set(p.skus)])),
      collections: new Map(
        data.collections.map((c) => [c.slug, { options: new Map(Object.entries(c.options).map(([k, v]) => [k, new Set(v)])), minPrice: c.minPrice, maxPrice: c.maxPrice }]),
      ),
    };
    // A load that started before a catalogue change may not overwrite the newer state.
    if (generation === holder.generation) {
      holder.index = index;
      holder.loadedAt = Date.now();
    }
    return index;
  } catch (error) {
    console.error("Catalogue route index could not be loaded", error instanceof Error ? error.message : error);
    return holder.index;
  } finally {
    holder.loading = undefined;
  }
}

/**
 * The index, or undefined when the database cannot be reached (then the proxy lets requests
 * through and the pages answer as they would without it).
 */
export async function getRouteIndex(): Promise<RouteIndex | undefined> {
  const stale = Date.now() - holder.loadedAt > REFRESH_MS;
  if (holder.index && !stale) return holder.index;
  holder.loading ??= load();
  // Serve the previous index while a fresh one loads; wait only for the very first.
  return holder.index ?? holder.loading;
}

/** After this process changes the catalogue: the next request reloads the index. */
export function forgetRouteIndex() {
  holder.generation++;
  holder.loadedAt = 0;
}

/** Listing state with only what can match: option values some product in the collection has, prices within its range. */
export function keepPossibleFilters(state: ListingState, collection: { options: Map<string, Set<string>>; minPrice: number | null; maxPrice: number | null }): ListingState {
  const options: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(state.options)) {
    const known = collection.options.get(key);
    const kept = values.filter((v) => known?.has(v));
    if (kept.length) options[key] = kept;
  }
  let { min, max } = state;
  const { minPrice: lower, maxPrice: upper } = collection;
  if (lower === null || upper === null) {
    min = null;
    max = null;
  } else {
    if (min !== null) min = min <= lower ? null : Math.min(min, upper);
    if (max !== null) max = max >= upper ? null : Math.max(max, lower);
  }
  return { ...state, options, min, max };
}
