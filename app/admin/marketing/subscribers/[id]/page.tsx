import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsentHistoryList } from "@/components/admin/consent-history";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Notice } from "@/components/ui/notice";
import { listImportedWordings } from "@/db/queries/admin-subscribers";
import { getConsentStates, getSubscriber, listConsentHistory } from "@/db/queries/consent";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Subscriber" };
export const instant = false;

export default async function AdminSubscriberPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermissionForPage(`/admin/marketing/subscribers/${encodeURIComponent(id)}`, "marketing:read");
  const subscriber = await getSubscriber(id);
  if (!subscriber) notFound();
  const subject = { subscriberId: subscriber.id };
  const [states, history] = await Promise.all([getConsentStates(subject, newsletterTopics.map((t) => t.id)), listConsentHistory(subject)]);
  const importedWordings = await listImportedWordings(history.map((e) => e.wordingId));

  return (
    <div className="max-w-4xl">
      <AdminPageHeader
        back={
          <Link href="/admin/marketing/subscribers" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Subscribers
          </Link>
        }
        title={subscriber.email}
        description={`Asked to subscribe on ${formatDate(subscriber.createdAt)}${subscriber.confirmedAt ? `; confirmed their address on ${formatDate(subscriber.confirmedAt)}` : "; has not confirmed their address yet"}.`}
      />
      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading" className="text-2xl">
          Consent
        </h2>
        <Notice role="note" className="mt-3">
          Read-only. Only the subscriber can give or withdraw consent (a signup form, the email&apos;s preference or unsubscribe link, or their privacy centre), so
          there is no control for it here. The full history from the consent ledger is below.
        </Notice>
        <ConsentHistoryList purposes={newsletterTopics} granted={(topicId) => states.get(topicId)?.granted === true} history={history} />
      </section>
      {importedWordings.length ? (
        <section aria-labelledby="wordings-heading" className="mt-8">
          <h2 id="wordings-heading" className="text-2xl">
            Imported wording
          </h2>
          <p className="mt-1 text-sm text-ink-muted">The exact words this person agreed to elsewhere, as the import declared them. Each id is a hash of its words.</p>
          <dl className="mt-3 space-y-3">
            {importedWordings.map((w) => (
              <div key={w.id} className="rounded-card border border-line bg-surface-raised p-4">
                <dt className="font-mono text-xs text-ink-muted">{w.id}</dt>
                <dd className="mt-1 text-sm whitespace-pre-line">“{w.text}”</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
