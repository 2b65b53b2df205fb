import type { Metadata } from "next";
import { ConsentSwitch, RevokeOtherSessionsButton, RevokeSessionButton } from "@/components/account/privacy-forms";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { listSessions } from "@/db/queries/accounts";
import { getConsentStates, getSubscriberForUser, listConsentHistory } from "@/db/queries/consent";
import { currentSessionToken, requireUserForPage } from "@/lib/auth/session";
import { describeConsentEvent } from "@/lib/consent/history";
import { consentPurposes } from "@/lib/consent/purposes";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Privacy centre" };
export const instant = false;

export default async function PrivacyCentrePage() {
  const user = await requireUserForPage("/account/privacy");
  const [subscriber, token] = await Promise.all([getSubscriberForUser(user.id, user.email), currentSessionToken()]);
  const subject = { userId: user.id, subscriberId: subscriber?.id ?? null };
  const [states, history, sessions] = await Promise.all([
    getConsentStates(subject, consentPurposes.map((p) => p.id)),
    listConsentHistory(subject),
    listSessions(user.id, token),
  ]);
  const others = sessions.filter((s) => !s.current);

  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl md:text-4xl">Privacy centre</h1>
      <p className="mt-2 text-ink-muted">What we know about you, what you have agreed to, and the controls to change it. Every change is recorded with its date.</p>

      <section aria-labelledby="consents-heading" className="mt-10">
        <h2 id="consents-heading" className="text-2xl">
          Your choices
        </h2>
        <ul className="mt-4 space-y-4">
          {consentPurposes.map((purpose) => {
            const granted = states.get(purpose.id)?.granted ?? false;
            const events = history.filter((e) => e.purpose === purpose.id);
            return (
              <li key={purpose.id} className="rounded-card border border-line bg-surface-raised p-5" data-purpose={purpose.id}>
                <div className="flex items-start justify-between gap-4">
                  <div>
                    <h3 className="font-sans text-base font-semibold">{purpose.label}</h3>
                    <p className="mt-1 text-sm text-ink-muted">{purpose.description}</p>
                  </div>
                  <ConsentSwitch key={String(granted)} purpose={purpose.id} label={purpose.label} granted={granted} />
                </div>
                <div className="mt-3 border-t border-line pt-3">
                  <h4 className="sr-only">History of {purpose.label}</h4>
                  {events.length === 0 ? (
                    <p className="text-sm text-ink-muted">You have never been asked about this, so it is off.</p>
                  ) : (
                    <ol className="space-y-1 text-sm text-ink-muted" aria-label={`History of ${purpose.label}`}>
                      {events.map((event) => (
                        <li key={event.id}>{describeConsentEvent(event)}</li>
                      ))}
                    </ol>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="download-heading" className="mt-12 rounded-card border border-line bg-surface-raised p-5">
        <h2 id="download-heading" className="text-2xl">
          Download my data
        </h2>
        <p className="mt-2 text-sm text-ink-muted">
          One JSON file with everything we store about you: profile, addresses, orders, your consent history, your newsletter subscription, every email we sent you
          and your signed-in sessions.
        </p>
        {/* A plain link: a download, and nothing to prefetch. */}
        <Button asChild variant="secondary" className="mt-4">
          <a href="/account/privacy/export" download>
            Download my data (JSON)
          </a>
        </Button>
      </section>

      <section aria-labelledby="sessions-heading" className="mt-12">
        <h2 id="sessions-heading" className="text-2xl">
          Signed-in sessions
        </h2>
        <ul className="mt-4 divide-y divide-line border-y border-line">
          {sessions.map((session) => (
            <li key={session.key} className="flex flex-wrap items-center justify-between gap-3 py-4">
              <div className="text-sm">
                <p className="font-medium">
                  {session.deviceSummary}
                  {session.current ? <Badge className="ms-2">This device</Badge> : null}
                </p>
                <p className="text-ink-muted">
                  Signed in {formatDateTime(session.createdAt)} · last seen {formatDateTime(session.lastSeenAt)}
                </p>
              </div>
              {session.current ? null : <RevokeSessionButton sessionKey={session.key} device={session.deviceSummary} />}
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <RevokeOtherSessionsButton others={others.length} />
        </div>
      </section>

      <section aria-labelledby="delete-heading" className="mt-12 rounded-card border border-danger/40 bg-surface-raised p-5">
        <h2 id="delete-heading" className="text-2xl">
          Delete my account
        </h2>
        <p className="mt-2 text-sm text-ink-muted">Erase your account and personal data. We show you exactly what goes and what the law makes us keep before anything happens.</p>
        <ButtonLink href="/account/privacy/delete" variant="danger-secondary" className="mt-4">
          Delete my account…
        </ButtonLink>
      </section>
    </div>
  );
}
