import { TimeSeriesChart } from "@/components/admin/charts/time-series-chart";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SalesByDayDto } from "@/db/queries/admin-reports";
import { formatMoney } from "@/lib/money";
import { formatCount, formatDayRange, formatLongDay, formatMoneyCompact, formatShortDay } from "./format";

/**
 * Revenue per day for the period, the previous period dashed behind it, with the same figures
 * as a table one click away (the chart's text alternative).
 */
export function RevenueByDay({ sales, currency, days }: { sales: SalesByDayDto; currency: string; days: number }) {
  const { current, previous } = sales;
  const money = (amount: number) => formatMoney({ amount, currency });
  const best = current.reduce((a, b) => (b.revenue > a.revenue ? b : a), current[0]!);
  const total = current.reduce((sum, d) => sum + d.revenue, 0);
  const range = formatDayRange(current[0]!.day, current[current.length - 1]!.day);
  const description =
    total === 0
      ? `No revenue from ${range}.`
      : `${money(total)} in all from ${range}; the best day was ${formatLongDay(best.day)} with ${money(best.revenue)}. The previous ${days} days made ${money(previous.reduce((s, d) => s + d.revenue, 0))}.`;

  return (
    <section aria-labelledby="revenue-by-day" className="rounded-card border border-line bg-surface-raised p-4 md:p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="revenue-by-day" className="text-lg font-semibold">
          Revenue by day
        </h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted" aria-label="Legend">
          <li className="flex items-center gap-2">
            <svg width="24" height="8" aria-hidden="true">
              <line x1="0" x2="24" y1="4" y2="4" strokeWidth="3" className="stroke-accent-600" />
            </svg>
            {range} (solid)
          </li>
          <li className="flex items-center gap-2">
            <svg width="24" height="8" aria-hidden="true">
              <line x1="0" x2="24" y1="4" y2="4" strokeWidth="2" strokeDasharray="6 4" className="stroke-ink-subtle" />
            </svg>
            Previous {days} days (dashed)
          </li>
        </ul>
      </div>
      <p className="mt-1 text-sm text-ink-muted">{description}</p>
      <div className="mt-4">
        <TimeSeriesChart
          series={current.map((d) => ({ day: d.day, value: d.revenue }))}
          comparison={previous.map((d) => d.revenue)}
          formatDay={formatShortDay}
          formatValue={(v) => formatMoneyCompact(v, currency)}
          title={`Revenue by day, ${range}`}
          description={description}
        />
      </div>
      <details className="group mt-3">
        <summary className="cursor-pointer text-sm font-medium text-accent-700 underline-offset-4 hover:underline">Show revenue by day as a table</summary>
        <Table caption={`Revenue and orders by day, ${range}, with the same day of the previous period`} captionHidden wrapperClassName="mt-3 max-h-[28rem] overflow-y-auto" className="min-w-[36rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Day</TableHead>
              <TableHead numeric>Revenue</TableHead>
              <TableHead numeric>Orders</TableHead>
              <TableHead>Previous period</TableHead>
              <TableHead numeric>Revenue then</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {current.map((d, i) => (
              <TableRow key={d.day}>
                <TableHead scope="row">{formatLongDay(d.day)}</TableHead>
                <TableCell numeric>{money(d.revenue)}</TableCell>
                <TableCell numeric>{formatCount(d.orders)}</TableCell>
                <TableCell className="text-ink-muted">{previous[i] ? formatLongDay(previous[i].day) : ""}</TableCell>
                <TableCell numeric className="text-ink-muted">
                  {previous[i] ? money(previous[i].revenue) : ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </section>
  );
}
