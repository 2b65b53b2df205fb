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

export type CollectionIndex = {
  options: Map<string, Set<string>>;
  /** Every variant price in the collection, minor units, ascending. */
  prices: number[];
  productCount: number;
};

export type RouteIndex = {
  products: Map<string, Set<string>>;
  collections: Map<string, CollectionIndex>;
};

type Holder = { index?: RouteIndex; loadedAt: number; loading?: Promise<RouteIndex | undefined>; generation: number; forgotten: boolean };

// On globalThis: proxy.ts and the app's routes are separate bundles in one process.
const KEY = Symbol.for("hearth.catalogRouteIndex");
const holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= { loadedAt: 0, generation: 0, forgotten: false });

async function load(): Promise<RouteIndex | undefined> {
  const generation = holder.generation;
  try {
    const data = await listRouteIndexData();
    const index: RouteIndex = {
      products: new Map(data.products.map((p) => [p.slug, new Set(p.skus)])),
      collections: new Map(
        data.collections.map((c) => [c.slug, { options: new Map(Object.entries(c.options).map(([k, v]) => [k, new Set(v)])), prices: c.prices, productCount: c.productCount }]),
      ),
    };
    // A load that started before a catalogue change may not overwrite the newer state.
    if (generation === holder.generation) {
      holder.index = index;
      holder.loadedAt = Date.now();
      holder.forgotten = false;
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
  // Serve the previous index while a periodic refresh loads; after this process changed the
  // catalogue (or before the first load), wait for the fresh one.
  return holder.index && !holder.forgotten ? holder.index : holder.loading;
}

/** After this process changes the catalogue: the next request waits for a fresh index. */
export function forgetRouteIndex() {
  holder.generation++;
  holder.loadedAt = 0;
  holder.forgotten = true;
  holder.loading = undefined;
}

/**
 * The listing state the page should render, keeping only what can change the result so that
 * every distinct result has one URL state (and one cache entry):
 * - option values no product in the collection has are dropped;
 * - price bounds move to the nearest whole amount that selects exactly the same variants
 *   (a bound between two prices means the same as the price next to it);
 * - a page past the last is the page after the last, which says so.
 */
export function canonicalListingState(state: ListingState, collection: CollectionIndex, unit: number, pageSize: number): ListingState {
  const options: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(state.options)) {
    const known = collection.options.get(key);
    const kept = values.filter((v) => known?.has(v));
    if (kept.length) options[key] = kept;
  }
  const { prices } = collection;
  let { min, max } = state;
  if (prices.length === 0) {
    min = null;
    max = null;
  } else {
    const lowest = prices[0]!;
    const highest = prices.at(-1)!;
    if (min !== null) {
      // The cheapest price the bound lets in; the bound becomes that price's whole amount.
      const next = prices.find((p) => p >= min! * unit);
      min = next === undefined ? Math.floor(highest / unit) + 1 : next <= lowest ? null : Math.floor(next / unit);
    }
    if (max !== null) {
      const previous = [...prices].reverse().find((p) => p <= max! * unit);
      max = previous === undefined ? 0 : previous >= highest ? null : Math.ceil(previous / unit);
    }
    // Bounds that let nothing through all mean "nothing": one state for all of them.
    if (min !== null && max !== null && min > max) {
      min = Math.floor(highest / unit) + 1;
      max = null;
    }
  }
  const lastPage = Math.max(1, Math.ceil(collection.productCount / pageSize));
  return { ...state, options, min, max, page: Math.min(state.page, lastPage + 1) };
}
