/**
 * How a figure moved against the previous period. "new" when there was nothing to compare
 * with (a percentage of zero is not a number a merchant can use).
 */
export type Change = { direction: "up" | "down" | "same"; percent: number } | { direction: "new" } | { direction: "none" };

export function compareFigures(current: number | null, previous: number | null): Change {
  const now = current ?? 0;
  const before = previous ?? 0;
  if (before === 0) return now === 0 ? { direction: "none" } : { direction: "new" };
  if (now === before) return { direction: "same", percent: 0 };
  const percent = (Math.abs(now - before) / before) * 100;
  return { direction: now > before ? "up" : "down", percent };
}
