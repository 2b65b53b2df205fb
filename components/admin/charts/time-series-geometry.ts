import { scaleLinear, scaleUtc } from "d3-scale";
import { area, curveMonotoneX, line } from "d3-shape";

/*
 * The geometry of a day-by-day chart, worked out on the server: d3-scale chooses the scales'
 * domains and "nice" tick values, d3-shape writes the SVG paths. Nothing here knows about
 * money or React, so it is tested on its own and any chart of daily figures can use it.
 */

/** A calendar date (YYYY-MM-DD) with its figure. */
export type DailyPoint = { day: string; value: number };

export type ChartBox = { width: number; height: number; margin: { top: number; right: number; bottom: number; left: number } };

export type TimeSeriesGeometry = {
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** The main series: its line and the area under it. */
  line: string;
  area: string;
  /** Series drawn against the same days for comparison (e.g. the previous period), by position. */
  comparisons: string[];
  /** Where each day of the main series sits, for markers. */
  points: { day: string; x: number; y: number }[];
};

/** Calendar dates are plotted on a UTC axis so no time zone can move them to another day. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * Lays out `series` (one point per day, oldest first) in `box`. `comparisons` are plotted by
 * position: their first value at the main series' first day, and so on.
 */
export function timeSeriesGeometry(
  series: DailyPoint[],
  box: ChartBox,
  format: { day: (date: Date) => string; value: (value: number) => string },
  options: { comparisons?: number[][]; xTickCount?: number; yTickCount?: number } = {},
): TimeSeriesGeometry {
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const dates = series.map((p) => dayToDate(p.day));
  const first = dates[0] ?? new Date(0);
  const last = dates[dates.length - 1] ?? first;
  const x = scaleUtc()
    .domain([first, last.getTime() === first.getTime() ? new Date(first.getTime() + 86_400_000) : last])
    .range([plot.left, plot.right]);

  const comparisons = options.comparisons ?? [];
  const highest = Math.max(0, ...series.map((p) => p.value), ...comparisons.flat());
  // An empty period still gets an axis: 0 to 1 rather than a collapsed scale.
  const y = scaleLinear()
    .domain([0, highest > 0 ? highest : 1])
    .nice(options.yTickCount ?? 4)
    .range([plot.bottom, plot.top]);

  const xOf = (i: number) => x(dates[i] ?? first);
  const lineOf = line<number>()
    .x((_, i) => xOf(i))
    .y((v) => y(v))
    .curve(curveMonotoneX);
  const areaOf = area<number>()
    .x((_, i) => xOf(i))
    .y0(plot.bottom)
    .y1((v) => y(v))
    .curve(curveMonotoneX);

  const values = series.map((p) => p.value);
  // Ticks on whole days only: d3 would otherwise offer 12-hour ticks on a short range.
  const xTicks = x
    .ticks(Math.min(options.xTickCount ?? 6, Math.max(1, series.length - 1)))
    .filter((d) => d.getUTCHours() === 0)
    .map((d) => ({ x: x(d), label: format.day(d) }));
  const yTicks = y.ticks(options.yTickCount ?? 4).map((v) => ({ y: y(v), label: format.value(v) }));

  return {
    plot,
    xTicks,
    yTicks,
    line: lineOf(values) ?? "",
    area: areaOf(values) ?? "",
    comparisons: comparisons.map((c) => lineOf(c.slice(0, series.length)) ?? ""),
    points: series.map((p, i) => ({ day: p.day, x: xOf(i), y: y(p.value) })),
  };
}
