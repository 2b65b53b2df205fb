import { shopConfig } from "../shop-config";

/**
 * Collection listing state lives in the URL (?sort=price-asc&page=2&available=1&min=10&colour=Sand).
 * Anything a visitor types there is untrusted: unknown keys are dropped and bad values fall
 * back to defaults, so a hostile URL still gets a normal page.
 */
export const sortOptions = [
  { value: "featured", label: "Featured" },
  { value: "newest", label: "Newest" },
  { value: "price-asc", label: "Price: low to high" },
  { value: "price-desc", label: "Price: high to low" },
] as const;

export type SortValue = (typeof sortOptions)[number]["value"];

export type ListingState = {
  sort: SortValue;
  page: number;
  /** Only products with at least one variant in stock. */
  available: boolean;
  /** Price bounds in whole major units (pounds), inclusive. */
  min: number | null;
  max: number | null;
  /** Option filters keyed by lower-case option name, values sorted. */
  options: Record<string, string[]>;
};

export const MAX_PAGE = 500;
const MAX_PRICE = 100_000;
const MAX_VALUES_PER_OPTION = 12;
const MAX_VALUE_LENGTH = 40;

export const defaultListingState: ListingState = {
  sort: "featured",
  page: 1,
  available: false,
  min: null,
  max: null,
  options: {},
};

export const filterableOptionKeys = shopConfig.filterableOptions.map((name) => name.toLowerCase());

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(source: ParamSource, key: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(key);
  const value = source[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function first(source: ParamSource, key: string): string | undefined {
  return getAll(source, key)[0];
}

/** Parses a whole non-negative number written in plain digits; anything else is null. */
export function parsePositiveInt(value: string | undefined, max: number): number | null {
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return null;
  const n = Number.parseInt(value.trim(), 10);
  return n <= max ? n : null;
}

export function parseListingState(source: ParamSource): ListingState {
  const sortRaw = first(source, "sort");
  const sort = sortOptions.find((o) => o.value === sortRaw)?.value ?? "featured";
  const page = Math.max(1, parsePositiveInt(first(source, "page"), MAX_PAGE) ?? 1);
  const availableRaw = first(source, "available");
  const available = availableRaw === "1" || availableRaw === "true";
  let min = parsePositiveInt(first(source, "min"), MAX_PRICE);
  let max = parsePositiveInt(first(source, "max"), MAX_PRICE);
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  if (min === 0) min = null;

  const options: Record<string, string[]> = {};
  for (const key of filterableOptionKeys) {
    const values = new Set<string>();
    for (const raw of getAll(source, key)) {
      for (const part of raw.split(",")) {
        const v = part.trim().slice(0, MAX_VALUE_LENGTH);
        if (v && values.size < MAX_VALUES_PER_OPTION) values.add(v);
      }
    }
    if (values.size > 0) options[key] = [...values].sort((a, b) => a.localeCompare(b));
  }
  return { sort, page, available, min, max, options };
}

/** The canonical query string for a state; defaults are left out, keys in a fixed order. */
export function listingStateToQuery(state: ListingState): string {
  const params = new URLSearchParams();
  if (state.sort !== "featured") params.set("sort", state.sort);
  if (state.available) params.set("available", "1");
  if (state.min !== null) params.set("min", String(state.min));
  if (state.max !== null) params.set("max", String(state.max));
  for (const key of filterableOptionKeys) {
    const values = state.options[key];
    if (values?.length) params.set(key, values.join(","));
  }
  if (state.page > 1) params.set("page", String(state.page));
  return params.toString();
}

export function listingHref(basePath: string, state: ListingState, change: Partial<ListingState> = {}): string {
  const next = { ...state, ...change };
  const query = listingStateToQuery(next);
  return query ? `${basePath}?${query}` : basePath;
}

export function toggleOptionValue(state: ListingState, key: string, value: string): ListingState {
  const current = state.options[key] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort((a, b) => a.localeCompare(b));
  const options = { ...state.options };
  if (values.length) options[key] = values;
  else delete options[key];
  return { ...state, options, page: 1 };
}

export function isFiltered(state: ListingState): boolean {
  return state.available || state.min !== null || state.max !== null || Object.keys(state.options).length > 0;
}
