import type { Metadata } from "next";
import Link from "next/link";
import { ChartLegend, ListGrowthChart, type GrowthBar } from "@/components/admin/marketing/list-growth-chart";
import { channelLabel, sourceFills } from "@/components/admin/marketing/wording";
import { formatDayRange, formatShortDay } from "@/components/admin/overview/format";
import { PeriodPicker } from "@/components/admin/overview/period-picker";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getChannelReport, getLinkReport, getVisitsByDay, type ChannelRow } from "@/db/queries/channels";
import { type SearchParams } from "@/lib/admin/list-params";
import { readChannelRange, CHANNEL_PRESETS } from "@/lib/admin/channel-range";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Channels" };
export const instant = false;

const number = new Intl.NumberFormat(shopConfig.locale);
const percent = new Intl.NumberFormat(shopConfig.locale, { style: "percent", maximumFractionDigits: 1 });
/** Channels drawn in their own colour; the rest share "Other". */
const CHART_CHANNELS = 5;

const plural = new Intl.PluralRules(shopConfig.locale);
const count = (n: number, one: string, other: string) => `${number.format(n)} ${plural.select(n) === "one" ? one : other}`;
const rate = (part: number, whole: number) => (whole > 0 ? percent.format(part / whole) : "–");
const money = (amount: number) => formatMoney({ amount, currency: shopConfig.currency });

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermissionForPage("/admin/marketing/channels", "marketing:read");
  const range = readChannelRange(await searchParams, shopConfig.timeZone);
  const query = { from: range.from, to: range.to, timeZone: shopConfig.timeZone, currency: shopConfig.currency };
  const [channels, links, byDay] = await Promise.all([getChannelReport(query), getLinkReport(query), getVisitsByDay(query)]);

  const totals = channels.reduce((t, c) => ({ visits: t.visits + c.visits, signups: t.signups + c.signups, orders: t.orders + c.orders, revenue: t.revenue + c.revenue }), { visits: 0, signups: 0, orders: 0, revenue: 0 });
  const drawn = channels.filter((c) => c.visits > 0).slice(0, CHART_CHANNELS).map((c) => c.channel);
  const keys = [...drawn, ...(channels.some((c) => c.visits > 0 && !drawn.includes(c.channel)) ? ["(other)"] : [])].map((key, i) => ({
    key,
    label: key === "(other)" ? "Other" : channelLabel(key),
    className: sourceFills[i % sourceFills.length]!,
  }));
  const bars: GrowthBar[] = range.days.map((day) => ({
    week: day,
    label: formatShortDay(day),
    parts: keys.map((k) => ({
      key: k.key,
      value: byDay.filter((d) => d.day === day && (k.key === "(other)" ? !drawn.includes(d.channel) : d.channel === k.key)).reduce((n, d) => n + d.visits, 0),
    })),
  }));
  const rangeText = formatDayRange(range.from, range.to);

  return (
    <div className="space-y-8">
      <AdminPageHeader
        title="Channels"
        description="Where your visitors come from, and what each source brings: newsletter signups, orders and revenue. Visits are counted without cookies and without following anyone; a visit's source travels to the signup or order only in a session cookie holding the campaign's name."
        actions={<PeriodPicker periods={CHANNEL_PRESETS} current={range.preset} hrefFor={(days) => `/admin/marketing/channels?days=${days}`} />}
      />

      <form method="get" action="/admin/marketing/channels" className="flex flex-wrap items-end gap-3" aria-label="Choose dates">
        <div>
          <label htmlFor="channels-from" className="block text-sm font-medium">
            From
          </label>
          <Input id="channels-from" name="from" type="date" size="sm" className="mt-1" defaultValue={range.from} />
        </div>
        <div>
          <label htmlFor="channels-to" className="block text-sm font-medium">
            To
          </label>
          <Input id="channels-to" name="to" type="date" size="sm" className="mt-1" defaultValue={range.to} />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          Show
        </Button>
      </form>
      {range.problem ? <Notice>{range.problem === "order" ? "The start date was after the end date, so the last 30 days are shown." : "Choose at most a year at a time; the last 30 days are shown."}</Notice> : null}

      <section aria-labelledby="visits-heading" className="rounded-card border border-line bg-surface-raised p-4 sm:p-6">
        <h2 id="visits-heading" className="font-display text-lg font-semibold">
          Visits by day
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          {rangeText}: {count(totals.visits, "visit", "visits")}, {count(totals.signups, "newsletter signup", "newsletter signups")}, {count(totals.orders, "order", "orders")} worth {money(totals.revenue)}.
        </p>
        {totals.visits === 0 ? (
          <div className="mt-4">
            <EmptyState title="No visits counted in these days">Visits appear here as people browse the shop. Visitors whose browser asks not to be tracked are never counted.</EmptyState>
          </div>
        ) : (
          <>
            <div className="mt-4">
              <ListGrowthChart bars={bars} keys={keys} formatNumber={(n) => number.format(n)} title="Visits by day and channel" description={`${number.format(totals.visits)} visits ${rangeText}; the table below has each channel's figures.`} />
            </div>
            <ChartLegend keys={keys} label="Channels in the chart" />
          </>
        )}
      </section>

      <section aria-labelledby="channels-heading">
        <h2 id="channels-heading" className="font-display text-lg font-semibold">
          By channel
        </h2>
        <p className="mt-1 text-sm text-ink-muted">A channel is the link&apos;s utm_source, or the site the visitor came from. Conversion is orders per visit.</p>
        {channels.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="Nothing to show for these days" />
          </div>
        ) : (
          <FiguresTable caption={`Visits, signups and orders by channel, ${rangeText}`} rows={channels.map((c) => ({ key: c.channel, name: channelLabel(c.channel), ...c }))} />
        )}
      </section>

      <section aria-labelledby="links-heading">
        <h2 id="links-heading" className="font-display text-lg font-semibold">
          By tracked link
        </h2>
        <p className="mt-1 text-sm text-ink-muted">Each /go/ link you posted: its visits are counted clicks (bots and repeat clicks within an hour left out).</p>
        {links.length === 0 ? (
          <div className="mt-4">
            <EmptyState title="No tracked links yet">
              <Link href="/admin/marketing/links" className="underline underline-offset-4">
                Create a tracked link
              </Link>{" "}
              for your next post to see what it brings.
            </EmptyState>
          </div>
        ) : (
          <FiguresTable
            caption={`Visits, signups and orders by tracked link, ${rangeText}`}
            rows={links.map((l) => ({
              key: String(l.id),
              name: (
                <>
                  <Link href={`/admin/marketing/links/${l.id}`} className="font-medium underline underline-offset-4">
                    /go/{l.slug}
                  </Link>
                  <span className="block text-xs text-ink-muted">
                    {channelLabel(l.channel)} · {l.campaign}
                    {l.label ? ` · ${l.label}` : ""}
                    {l.archived ? " · archived" : ""}
                  </span>
                </>
              ),
              ...l,
            }))}
          />
        )}
      </section>
    </div>
  );
}

type FigureRow = Omit<ChannelRow, "channel"> & { key: string; name: React.ReactNode };

function FiguresTable({ caption, rows }: { caption: string; rows: FigureRow[] }) {
  return (
    <div className="mt-4 overflow-x-auto rounded-card border border-line bg-surface-raised" role="region" aria-label={caption} tabIndex={0}>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Source</TableHead>
            <TableHead scope="col" className="text-end">
              Visits
            </TableHead>
            <TableHead scope="col" className="text-end">
              Signups
            </TableHead>
            <TableHead scope="col" className="text-end">
              Orders
            </TableHead>
            <TableHead scope="col" className="text-end">
              Revenue
            </TableHead>
            <TableHead scope="col" className="text-end">
              Conversion
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableHead scope="row" className="font-normal">
                {row.name}
              </TableHead>
              <TableCell className="text-end tabular-nums">{number.format(row.visits)}</TableCell>
              <TableCell className="text-end tabular-nums">{number.format(row.signups)}</TableCell>
              <TableCell className="text-end tabular-nums">{number.format(row.orders)}</TableCell>
              <TableCell className="text-end tabular-nums whitespace-nowrap">{money(row.revenue)}</TableCell>
              <TableCell className="text-end tabular-nums">{rate(row.orders, row.visits)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
