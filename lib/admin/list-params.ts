import { z } from "zod";
import { shopConfig } from "@/lib/shop-config";
import { startOfDayIn } from "@/lib/validations/discount";

/*
 * An admin list's state lives in its URL (?q=…&status=…&sort=…&dir=…&page=…), so a filtered
 * view can be bookmarked, shared with a colleague and reloaded. These helpers read it
 * defensively (anything odd falls back to the default) and build links that change one part.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

export type ListState<S extends string> = { page: number; sort: S; dir: "asc" | "desc"; q: string };

/** The first value of a parameter, trimmed; "" when absent. */
export function param(params: SearchParams, name: string): string {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export function readListState<S extends string>(params: SearchParams, sorts: readonly S[], defaults: { sort: S; dir: "asc" | "desc" }): ListState<S> {
  const sort = sorts.includes(param(params, "sort") as S) ? (param(params, "sort") as S) : defaults.sort;
  const dirParam = param(params, "dir");
  const dir = dirParam === "asc" || dirParam === "desc" ? dirParam : defaults.dir;
  return { page: pageSchema.parse(param(params, "page") || 1), sort, dir, q: param(params, "q").slice(0, 200) };
}

/** `base` with the current parameters, some changed (undefined or "" removes one). Changing a filter goes back to page 1. */
export function hrefWith(base: string, params: SearchParams, changes: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) query.set(key, first);
  }
  if (!("page" in changes)) query.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) query.delete(key);
    else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

function dayOf(params: SearchParams, name: string): string | undefined {
  const value = param(params, name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) ? undefined : value;
}

/**
 * A date filter (?from=2026-11-01): the instant that day starts in the shop's time zone, the
 * same days the lists show and the overview counts, or undefined.
 */
export function dateParam(params: SearchParams, name: string): Date | undefined {
  const day = dayOf(params, name);
  return day ? startOfDayIn(day, shopConfig.timeZone) : undefined;
}

/** The end of a "to" filter: the instant the next day starts in the shop's time zone ("to 3 November" includes all of it). */
export function dayAfterParam(params: SearchParams, name: string): Date | undefined {
  const day = dayOf(params, name);
  if (!day) return undefined;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfDayIn(next.toISOString().slice(0, 10), shopConfig.timeZone);
}
