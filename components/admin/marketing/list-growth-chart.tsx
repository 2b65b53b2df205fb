import { scaleBand, scaleLinear } from "d3-scale";
import { useId } from "react";

export type GrowthBar = { week: string; label: string; parts: { key: string; value: number }[] };
export type GrowthKey = { key: string; label: string; className: string };

const box = { width: 800, height: 260, margin: { top: 12, right: 16, bottom: 36, left: 48 } };

/**
 * New subscribers per week, stacked by where they signed up: an SVG drawn on the server (no
 * client JavaScript). The figures are in the table beside it for screen readers and exact reads.
 */
export function ListGrowthChart({ bars, keys, title, description, formatNumber }: { bars: GrowthBar[]; keys: GrowthKey[]; title: string; description: string; formatNumber: (n: number) => string }) {
  const id = useId();
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((n, p) => n + p.value, 0)));
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.week))
    .range([plot.left, plot.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const y = scaleLinear().domain([0, max]).nice(4).range([plot.bottom, plot.top]);
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const className = new Map(keys.map((k) => [k.key, k.className]));
  const every = Math.max(1, Math.ceil(bars.length / 8));
  return (
    <svg viewBox={`0 0 ${box.width} ${box.height}`} className="block h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true" fontSize={14}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={plot.left} x2={plot.right} y1={y(t)} y2={y(t)} className="stroke-line" />
            <text x={plot.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-ink-muted">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          let base = 0;
          return (
            <g key={bar.week}>
              {bar.parts.map((part) => {
                const top = y(base + part.value);
                const height = y(base) - top;
                base += part.value;
                return height > 0 ? <rect key={part.key} x={x(bar.week)} y={top} width={x.bandwidth()} height={height} className={className.get(part.key) ?? "fill-ink-subtle"} /> : null;
              })}
              {i % every === 0 ? (
                <text x={(x(bar.week) ?? 0) + x.bandwidth() / 2} y={plot.bottom + 22} textAnchor="middle" className="fill-ink-muted">
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="stroke-line-strong" />
      </g>
    </svg>
  );
}

/** The stacked chart's colour key, as a list (the chart itself is an image to assistive tech). */
export function ChartLegend({ keys, label }: { keys: GrowthKey[]; label: string }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label={label}>
      {keys.map((k) => (
        <li key={k.key} className="flex items-center gap-2">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" className={k.className} />
          </svg>
          {k.label}
        </li>
      ))}
    </ul>
  );
}
