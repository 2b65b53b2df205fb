import { cn } from "@/lib/cn";
import { compareFigures } from "./compare";
import { describeChange } from "./format";

const arrows = { up: "▲", down: "▼", same: "■", new: "▲", none: "" } as const;

/**
 * One headline figure against the previous period. The change is written out in words (with
 * an arrow as a second cue); colour only repeats what the words say.
 */
export function FigureCard({
  label,
  value,
  current,
  previous,
  previousText,
  days,
}: {
  label: string;
  value: string;
  current: number | null;
  previous: number | null;
  /** The previous period's figure as text, e.g. "£40.00". */
  previousText: string;
  days: number;
}) {
  const change = compareFigures(current, previous);
  const tone = change.direction === "up" || change.direction === "new" ? "text-success" : change.direction === "down" ? "text-danger" : "text-ink-muted";
  return (
    <div className="rounded-card border border-line bg-surface-raised p-4">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className={cn("mt-2 text-sm", tone)}>
        {arrows[change.direction] ? <span aria-hidden="true">{arrows[change.direction]} </span> : null}
        {describeChange(change, days)}
      </dd>
      <dd className="text-xs text-ink-muted">Previous period: {previousText}</dd>
    </div>
  );
}
