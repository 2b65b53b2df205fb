import type { Metadata } from "next";
import Link from "next/link";
import { ChartLegend, ListGrowthChart, type GrowthBar } from "@/components/admin/marketing/list-growth-chart";
import { signupSourceLabel, sourceFills } from "@/components/admin/marketing/wording";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getListGrowth, listCampaignUnsubscribeRates } from "@/db/queries/campaign-stats";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "List growth" };
export const instant = false;

const WEEKS = 12;
const number = new Intl.NumberFormat(shopConfig.locale);
const percent = new Intl.NumberFormat(shopConfig.locale, { style: "percent", maximumFractionDigits: 1 });
const weekLabel = new Intl.DateTimeFormat(shopConfig.locale, { day: "numeric", month: "short", timeZone: "UTC" });

/** The Mondays of the last `weeks` weeks in the shop's time zone, as YYYY-MM-DD. */
function recentWeeks(weeks: number): string[] {
  const today = new Date(new Intl.DateTimeFormat("en-CA", { timeZone: shopConfig.timeZone }).format(new Date()) + "T00:00:00Z");
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * 86_400_000);
  return Array.from({ length: weeks }, (_, i) => new Date(monday.getTime() - (weeks - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
}

export default async function MarketingGrowthPage() {
  await requirePermissionForPage("/admin/marketing", "marketing:read");
  const [growth, campaigns] = await Promise.all([getListGrowth(WEEKS, shopConfig.timeZone), listCampaignUnsubscribeRates()]);
  const weeks = recentWeeks(WEEKS);
  const signups = growth.filter((g) => g.source !== "(unsubscribed)");
  const sources = [...new Set(signups.map((g) => g.source))].sort((a, b) => sum(signups, b) - sum(signups, a));
  const keys = sources.map((source, i) => ({ key: source, label: signupSourceLabel(source), className: sourceFills[i % sourceFills.length]! }));
  const bars: GrowthBar[] = weeks.map((week) => ({
    week,
    label: weekLabel.format(new Date(`${week}T00:00:00Z`)),
    parts: sources.map((source) => ({ key: source, value: signups.find((g) => g.week === week && g.source === source)?.signups ?? 0 })),
  }));
  const leftByWeek = new Map(growth.filter((g) => g.source === "(unsubscribed)").map((g) => [g.week, g.unsubscribes]));
  const totalNew = signups.reduce((n, g) => n + g.signups, 0);
  const totalLeft = [...leftByWeek.values()].reduce((n, v) => n + v, 0);

  return (
    <div className="space-y-8">
      <AdminPageHeader title="List growth" description="Who joined your list each week and where they signed up, who left, and how each campaign was received. Counted from the consent ledger, without tracking anyone." />

      <section aria-labelledby="growth-heading" className="rounded-card border border-line bg-surface-raised p-4 sm:p-6">
        <h2 id="growth-heading" className="font-display text-lg font-semibold">
          New subscribers by week
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          Last {WEEKS} weeks: {number.format(totalNew)} joined; {number.format(totalLeft)} unsubscribed from a newsletter.
        </p>
        {totalNew === 0 && totalLeft === 0 ? (
          <EmptyState title="No signups in the last 12 weeks">People who confirm a newsletter signup appear here by the week they joined.</EmptyState>
        ) : (
          <>
            <div className="mt-4">
              <ListGrowthChart
                bars={bars}
                keys={keys}
                formatNumber={(n) => number.format(n)}
                title="New subscribers by week and signup source"
                description={`${number.format(totalNew)} people joined in the last ${WEEKS} weeks; the table below has each week's figures.`}
              />
            </div>
            <ChartLegend keys={keys} label="Signup sources" />
            <div className="mt-4 overflow-x-auto">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">Week of</TableHead>
                    {keys.map((k) => (
                      <TableHead key={k.key} scope="col" className="text-end">
                        {k.label}
                      </TableHead>
                    ))}
                    <TableHead scope="col" className="text-end">
                      Unsubscribed
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {bars.map((bar) => (
                    <TableRow key={bar.week}>
                      <TableCell className="whitespace-nowrap">{bar.label}</TableCell>
                      {bar.parts.map((p) => (
                        <TableCell key={p.key} className="text-end tabular-nums">
                          {number.format(p.value)}
                        </TableCell>
                      ))}
                      <TableCell className="text-end tabular-nums">{number.format(leftByWeek.get(bar.week) ?? 0)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="unsubscribe-heading" className="rounded-card border border-line bg-surface-raised p-4 sm:p-6">
        <h2 id="unsubscribe-heading" className="font-display text-lg font-semibold">
          Unsubscribe rate by campaign
        </h2>
        <p className="mt-1 text-sm text-ink-muted">Readers who left through a campaign&apos;s own unsubscribe link or their email app&apos;s button, out of those it was sent to.</p>
        {campaigns.length === 0 ? (
          <EmptyState title="No campaigns sent yet">Once a campaign has gone out, its unsubscribe rate appears here.</EmptyState>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">Campaign</TableHead>
                  <TableHead scope="col">Sent</TableHead>
                  <TableHead scope="col" className="text-end">
                    Recipients
                  </TableHead>
                  <TableHead scope="col" className="text-end">
                    Unsubscribed
                  </TableHead>
                  <TableHead scope="col" className="text-end">
                    Rate
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {campaigns.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <Link href={`/admin/marketing/campaigns/${c.id}`} className="underline underline-offset-4">
                        {c.subject}
                      </Link>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{c.startedAt ? formatDate(c.startedAt) : "–"}</TableCell>
                    <TableCell className="text-end tabular-nums">{number.format(c.sent)}</TableCell>
                    <TableCell className="text-end tabular-nums">{number.format(c.unsubscribes)}</TableCell>
                    <TableCell className="text-end tabular-nums">{percent.format(c.sent ? c.unsubscribes / c.sent : 0)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </div>
  );
}

function sum(rows: { source: string; signups: number }[], source: string) {
  return rows.filter((r) => r.source === source).reduce((n, r) => n + r.signups, 0);
}
