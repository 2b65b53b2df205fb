import { defaultListingState, listingStateToQuery, MAX_PAGE, parseListingState, parsePositiveInt, type ListingState } from "./listing-params";
import { sanitizeSearchQuery } from "./search-query";

/**
 * Collection, product and search pages read their URL state from a path segment instead of the query
 * string: proxy.ts rewrites /collections/candles?sort=newest to /collections/candles/<state>.
 * Pages that read searchParams render on every request; pages keyed by params are rendered
 * once and then served from Next's cache, which is what makes the catalogue fast.
 */
export const DEFAULT_SEGMENT = "all";
export const DEFAULT_VARIANT_SEGMENT = "default";
/** One page per product for every ?variant= that names no variant of it ("no longer available"). */
export const MISSING_VARIANT_SEGMENT = "_missing";
/** "/" is served by /home/<HOME_EDITION> (see proxy.ts). */
export const HOME_EDITION = "current";
/** generateStaticParams must name one value under Cache Components; this one is never a real slug. */
export const PLACEHOLDER_SLUG = "__shell__";

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(segment)) return null;
  try {
    const binary = atob(segment.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function listingStateToSegment(state: ListingState): string {
  const query = listingStateToQuery(state);
  return query ? toBase64Url(query) : DEFAULT_SEGMENT;
}

/**
 * The state a segment stands for, or null when the segment is not the canonical encoding of
 * any state (hand-made URLs), so each listing has exactly one cache entry.
 */
export function listingStateFromSegment(segment: string): ListingState | null {
  if (segment === DEFAULT_SEGMENT) return defaultListingState;
  const query = fromBase64Url(segment);
  if (query === null) return null;
  const state = parseListingState(new URLSearchParams(query));
  return listingStateToSegment(state) === segment ? state : null;
}

export type SearchState = { q: string; page: number };
export const EMPTY_SEARCH_SEGMENT = "empty";

/** Reads ?q=&page= the way the search page does: sanitised query, page clamped to 1…MAX_PAGE. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const q = sanitizeSearchQuery(params.get("q") ?? "");
  const page = q ? Math.max(1, parsePositiveInt(params.get("page") ?? undefined, MAX_PAGE) ?? 1) : 1;
  return { q, page };
}

export function searchStateToSegment(state: SearchState): string {
  if (!state.q) return EMPTY_SEARCH_SEGMENT;
  const params = new URLSearchParams({ q: state.q });
  if (state.page > 1) params.set("page", String(state.page));
  return toBase64Url(params.toString());
}

export function searchStateFromSegment(segment: string): SearchState | null {
  if (segment === EMPTY_SEARCH_SEGMENT) return { q: "", page: 1 };
  const query = fromBase64Url(segment);
  if (query === null) return null;
  const state = parseSearchState(new URLSearchParams(query));
  return state.q && searchStateToSegment(state) === segment ? state : null;
}

const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export function variantToSegment(variant: string | null | undefined): string {
  return variant && SKU_PATTERN.test(variant) ? variant.toUpperCase() : DEFAULT_VARIANT_SEGMENT;
}
