import type { Metadata } from "next";
import { PreferencesForm } from "@/components/shop/preferences-form";
import { TokenLimitNotice } from "@/components/shop/token-limit-notice";
import { getConsentStates, getSubscriber } from "@/db/queries/consent";
import { newsletterTopicIds } from "@/lib/consent/purposes";
import { readSubscriberToken } from "@/lib/newsletter/links";
import { subscriptionReason } from "@/lib/newsletter/why";
import { guardTokenCheck } from "@/lib/privacy/rate-limit";

export const metadata: Metadata = { title: "Email preferences", robots: { index: false }, referrer: "same-origin" };
export const instant = false;

/** Reached from the link in every marketing email; needs no account and no sign-in. */
export default async function PreferencesPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const subscriberId = readSubscriberToken("preferences", token);
  if ((await guardTokenCheck(subscriberId !== null)) === "limited") return <TokenLimitNotice />;
  const subscriber = subscriberId ? await getSubscriber(subscriberId) : null;
  if (!subscriber) {
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">This link is not valid</h1>
        <p className="mt-4 text-ink-muted">It may be incomplete, or it was not sent by us. Use the link in one of our emails, or sign in to manage your emails.</p>
      </div>
    );
  }
  const states = await getConsentStates({ subscriberId: subscriber.id }, newsletterTopicIds);
  const granted = [...states.values()].filter((s) => s.granted);
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Your email preferences</h1>
      <p className="mt-4 text-ink-muted">
        For <strong className="text-ink">{subscriber.email}</strong>. {granted.length ? subscriptionReason(granted) : "You are not subscribed to anything at the moment."}
      </p>
      <div className="mt-8">
        <PreferencesForm token={token} granted={granted.map((g) => g.purpose)} />
      </div>
    </div>
  );
}
