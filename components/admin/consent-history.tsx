import { describeConsentEventForStaff } from "@/components/admin/customers/wording";
import { Badge } from "@/components/ui/badge";
import type { ConsentPurpose } from "@/lib/consent/purposes";
import { formatDate } from "@/lib/dates";

type ConsentEvent = { id: number; purpose: string; action: "requested" | "granted" | "withdrawn"; method: string; source: string; wordingId: string; createdAt: Date; declaredAt?: Date | null };

/**
 * Each purpose's current state and its full history from the consent ledger, for staff:
 * read-only by design (nobody may grant consent on a person's behalf).
 */
export function ConsentHistoryList({ purposes, granted, history }: { purposes: readonly ConsentPurpose[]; granted: (purposeId: string) => boolean; history: ConsentEvent[] }) {
  return (
    <ul className="mt-4 space-y-3">
      {purposes.map((purpose) => {
        const events = history.filter((e) => e.purpose === purpose.id);
        return (
          <li key={purpose.id} className="rounded-card border border-line bg-surface-raised p-4" data-purpose={purpose.id}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-sans text-base font-semibold">{purpose.label}</h3>
              {granted(purpose.id) ? <Badge tone="success">Consented</Badge> : <Badge>No consent</Badge>}
            </div>
            {events.length === 0 ? (
              <p className="mt-2 text-sm text-ink-muted">Never asked: no consent.</p>
            ) : (
              <ol className="mt-2 space-y-1 text-sm text-ink-muted" aria-label={`History of ${purpose.label}`}>
                {events.map((event) => (
                  <li key={event.id}>
                    {describeConsentEventForStaff(event)}
                    {/* An imported consent was given elsewhere, earlier: the list it came from declared when. */}
                    {event.declaredAt ? <strong className="font-medium text-ink"> · consent given on {formatDate(event.declaredAt)} (imported)</strong> : null} ·{" "}
                    <span className="font-mono text-xs whitespace-nowrap">{event.wordingId}</span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}
