import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/page-header";
import { SubscriberImportForm } from "@/components/admin/subscribers/import-form";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { MAX_SUBSCRIBER_IMPORT_BYTES, MAX_SUBSCRIBER_IMPORT_ROWS, subscriberCsvColumns, TOPIC_SEPARATOR } from "@/lib/marketing/subscriber-csv";

export const metadata: Metadata = { title: "Import subscribers" };
export const instant = false;

const example = `email,topics,consent_source,consent_date,consent_wording
ada@example.com,New arrivals;Offers and events,Market stall sign-up sheet,2024-03-15,"Yes, email me when new pieces arrive and about offers."`;

export default async function ImportSubscribersPage() {
  await requirePermissionForPage("/admin/marketing/subscribers/import", "marketing:write");
  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        title="Import subscribers"
        description="Bring over a list from another tool, with the proof of each person's consent. Every row is checked first: if any row has a problem, nothing is imported and each problem is listed."
        back={
          <Link href="/admin/marketing/subscribers" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Subscribers
          </Link>
        }
      />
      <section aria-labelledby="format-heading" className="space-y-2 text-sm text-ink-muted">
        <h2 id="format-heading" className="font-sans text-base font-semibold text-ink">
          The file
        </h2>
        <p>
          A CSV file (UTF-8, up to {MAX_SUBSCRIBER_IMPORT_BYTES / 1024 / 1024} MB and {MAX_SUBSCRIBER_IMPORT_ROWS.toLocaleString("en-GB")} rows) with a header row and the columns{" "}
          <code className="text-ink">{subscriberCsvColumns.join(", ")}</code>. Every row needs all five:
        </p>
        <ul className="list-disc space-y-1 ps-5">
          <li>
            <code className="text-ink">topics</code>: what the person agreed to receive, separated by “{TOPIC_SEPARATOR}”:{" "}
            {newsletterTopics.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? " or " : ""}
                {t.label} (<code className="text-ink">{t.id}</code>)
              </span>
            ))}
            .
          </li>
          <li>
            <code className="text-ink">consent_source</code>: where they gave it (e.g. “website pop-up”). It is kept as <code className="text-ink">import:website-pop-up</code>.
          </li>
          <li>
            <code className="text-ink">consent_date</code>: when, as YYYY-MM-DD (ISO 8601); never in the future.
          </li>
          <li>
            <code className="text-ink">consent_wording</code>: the exact words they agreed to. They are stored, and each person&apos;s consent record points to them.
          </li>
        </ul>
        <p>
          Addresses on the do-not-email list (people who asked never to be emailed again, or whose emails bounced) are refused, and so is a topic someone has unsubscribed from
          here: their choice stands. People already subscribed keep their consent as it is. Imported people are subscribed at once, with no confirmation email, so import only
          people who really agreed.
        </p>
        <p>For example:</p>
        {/* Wrapped rather than scrolled sideways: a scrolling box would need to be focusable. */}
        <pre className="rounded-lg border border-line bg-surface-sunken p-3 text-xs whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">
          {example}
        </pre>
      </section>
      <SubscriberImportForm />
    </div>
  );
}
