import { useId } from "react";
import { timeSeriesGeometry, type ChartBox, type DailyPoint } from "./time-series-geometry";

const box: ChartBox = { width: 800, height: 280, margin: { top: 16, right: 32, bottom: 32, left: 64 } };

type Props = {
  series: DailyPoint[];
  /** Plotted against the same days, dashed (the legend says what it is). */
  comparison?: number[];
  formatDay: (date: Date) => string;
  formatValue: (value: number) => string;
  /** The chart's accessible name and a one-sentence summary; the figures belong in a table beside it. */
  title: string;
  description: string;
};

/**
 * A day-by-day line chart drawn on the server as SVG: no client JavaScript. It scales to its
 * container's width (viewBox); the axes' text scales with it, so the box is sized for the
 * 700–1000 px an admin page gives it at tablet and desktop widths.
 */
export function TimeSeriesChart({ series, comparison, formatDay, formatValue, title, description }: Props) {
  const id = useId();
  const g = timeSeriesGeometry(series, box, { day: formatDay, value: formatValue }, { comparisons: comparison ? [comparison] : [], xTickCount: series.length <= 8 ? series.length : 6 });
  return (
    <svg viewBox={`0 0 ${box.width} ${box.height}`} className="block h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true" fontSize={14}>
        {g.yTicks.map((t) => (
          <g key={t.label}>
            <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} className="stroke-line" />
            <text x={g.plot.left - 8} y={t.y} dy="0.32em" textAnchor="end" className="fill-ink-muted">
              {t.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <g key={t.label}>
            <line x1={t.x} x2={t.x} y1={g.plot.bottom} y2={g.plot.bottom + 5} className="stroke-line-strong" />
            <text x={t.x} y={g.plot.bottom + 20} textAnchor="middle" className="fill-ink-muted">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} className="stroke-line-strong" />
        <path d={g.area} className="fill-accent-100" fillOpacity={0.6} />
        {g.comparisons.map((d, i) => (
          // On a long period the comparison is context, not the subject: drawn lighter so the two lines stay apart.
          <path key={i} d={d} fill="none" strokeWidth={series.length > 31 ? 1.5 : 2} strokeOpacity={series.length > 31 ? 0.55 : 1} strokeDasharray="6 5" className="stroke-ink-subtle" />
        ))}
        <path d={g.line} fill="none" strokeWidth={2.5} strokeLinejoin="round" className="stroke-accent-600" />
        {series.length <= 31
          ? g.points.map((p) => <circle key={p.day} cx={p.x} cy={p.y} r={series.length <= 8 ? 4 : 2.5} className="fill-accent-600" />)
          : null}
      </g>
    </svg>
  );
}
