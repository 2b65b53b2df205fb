import { formatRetentionPeriod, type RetentionRule } from "@/lib/privacy/retention";

/**
 * The privacy notice's "How long we keep things": one line per retention rule, with the period
 * the retention job deletes by (lib/privacy/retention.ts), so the notice cannot promise one
 * period while the job keeps another.
 */
export function RetentionPeriods({ rules }: { rules: readonly RetentionRule[] }) {
  return (
    <section className="mt-10" aria-labelledby="retention">
      <h2 id="retention" className="text-2xl">
        How long we keep things
      </h2>
      <p className="mt-3 text-ink-muted">
        Every night the shop deletes what it no longer needs: each of these is deleted for good once its time is up. Orders and your consent choices are kept as
        described above.
      </p>
      <dl className="mt-4 divide-y divide-line rounded-card border border-line bg-surface-raised">
        {rules.map((rule) => (
          <div key={rule.id} className="p-4 md:grid md:grid-cols-[1fr_15rem] md:gap-6">
            <dt className="text-sm">{rule.what}</dt>
            <dd className="mt-1 text-sm text-ink-muted md:mt-0">
              Deleted <span className="font-medium text-ink">{formatRetentionPeriod(rule.period)}</span> {rule.after}.
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
