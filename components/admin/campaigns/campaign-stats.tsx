import type { CampaignStats as CampaignStatsDto } from "@/db/queries/campaign-stats";
import { shopConfig } from "@/lib/shop-config";

const percent = new Intl.NumberFormat(shopConfig.locale, { style: "percent", maximumFractionDigits: 1 });

function rate(part: number, whole: number): string {
  return whole === 0 ? "—" : percent.format(part / whole);
}

/**
 * What happened to a campaign, from the provider's delivery events and the first-party click
 * counter: per campaign and per link, never per person (no open tracking at all).
 */
export function CampaignStats({ stats }: { stats: CampaignStatsDto }) {
  const numbers = new Intl.NumberFormat(shopConfig.locale);
  const figures: [string, string, string?][] = [
    ["Recipients", numbers.format(stats.recipients)],
    ["Delivered", numbers.format(stats.delivered), rate(stats.delivered, stats.sent)],
    ["Bounced", numbers.format(stats.bounced), rate(stats.bounced, stats.sent)],
    ["Complaints", numbers.format(stats.complaints), rate(stats.complaints, stats.sent)],
    ["Unsubscribes", numbers.format(stats.unsubscribes), rate(stats.unsubscribes, stats.sent)],
    ["Link clicks", numbers.format(stats.clicks)],
    // Only with the shop's individual click tracking on (off by default).
    ...(stats.clickers > 0 ? [["Readers who clicked", numbers.format(stats.clickers), rate(stats.clickers, stats.sent)] as [string, string, string]] : []),
  ];
  return (
    <section aria-labelledby="stats-heading" className="rounded-card border border-line bg-surface-raised p-4 md:p-6">
      <h2 id="stats-heading" className="text-2xl">
        Results
      </h2>
      <p className="mt-1 text-sm text-ink-muted">Rates are of the {numbers.format(stats.sent)} emails sent. Clicks are counted per link, never per person; opens are not tracked.</p>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map(([label, value, share]) => (
          <div key={label} className="rounded-lg bg-surface-sunken p-3">
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd className="mt-1 text-lg font-medium tabular-nums">
              {value}
              {share ? <span className="ms-1 text-sm font-normal text-ink-muted">({share})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm">
        <span className="text-ink-muted">Unsubscribe rate: </span>
        <strong>{rate(stats.unsubscribes, stats.sent)}</strong>
      </p>
      {stats.links.length > 0 ? (
        <div className="mt-4">
          <h3 className="font-sans text-base font-semibold">Clicks by link</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {stats.links.map((l) => (
              <li key={l.url} className="flex justify-between gap-4">
                <span className="min-w-0 truncate">{l.url}</span>
                <span className="tabular-nums">{numbers.format(l.clicks)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
