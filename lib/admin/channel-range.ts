import { param, type SearchParams } from "./list-params";

/** The Channels page's preset periods (?days=30). */
export const CHANNEL_PRESETS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

export type ChannelRangeChoice = {
  from: string;
  to: string;
  /** Every day of the range, YYYY-MM-DD. */
  days: string[];
  /** The preset this range is, if any (for the period links). */
  preset: number | null;
  /** Why the asked-for dates were not used. */
  problem?: "order" | "too-long";
};

const DAY = 86_400_000;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const addDays = (day: string, n: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + n * DAY).toISOString().slice(0, 10);

/** Today's date in the shop's time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
}

/**
 * The range the Channels page shows: ?from=&to= (days in the shop's time zone, both included),
 * else ?days= (a preset ending today), else the last 30 days. Reversed or over-long ranges fall
 * back to the default and say so.
 */
export function readChannelRange(params: SearchParams, timeZone: string, now = new Date()): ChannelRangeChoice {
  const today = todayIn(timeZone, now);
  const from = param(params, "from");
  const to = param(params, "to");
  let problem: ChannelRangeChoice["problem"];
  if (isDay(from) && isDay(to)) {
    const span = Math.round((new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY) + 1;
    if (span < 1) problem = "order";
    else if (span > MAX_DAYS) problem = "too-long";
    else return { from, to, days: Array.from({ length: span }, (_, i) => addDays(from, i)), preset: to === today ? (CHANNEL_PRESETS.find((p) => p === span) ?? null) : null };
  }
  const asked = Number(param(params, "days"));
  const days = problem ? DEFAULT_DAYS : (CHANNEL_PRESETS.find((p) => p === asked) ?? DEFAULT_DAYS);
  const start = addDays(today, -(days - 1));
  return { from: start, to: today, days: Array.from({ length: days }, (_, i) => addDays(start, i)), preset: days, problem };
}
