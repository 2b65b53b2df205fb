import type { Metadata } from "next";
import Link from "next/link";
import { TokenLimitNotice } from "@/components/shop/token-limit-notice";
import { Button } from "@/components/ui/button";
import { getSubscriber } from "@/db/queries/consent";
import { readSubscriberToken, subscriberToken } from "@/lib/newsletter/links";
import { guardTokenCheck } from "@/lib/privacy/rate-limit";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "same-origin" };
export const instant = false;

/**
 * GET changes nothing: mail scanners open every link in an email, and must not unsubscribe
 * anyone. The button POSTs to this same address (see app/api/unsubscribe and proxy.ts).
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const subscriberId = readSubscriberToken("unsubscribe", token);
  if ((await guardTokenCheck(subscriberId !== null)) === "limited") return <TokenLimitNotice />;
  const subscriber = subscriberId ? await getSubscriber(subscriberId) : null;
  if (!subscriber) {
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">This unsubscribe link is not valid</h1>
        <p className="mt-4 text-ink-muted">It may be incomplete, or it was not sent by us. Nothing was changed.</p>
        <p className="mt-4 text-ink-muted">
          Signed in?{" "}
          <Link href="/account/privacy" className="underline underline-offset-4">
            Manage your emails in your privacy centre
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Unsubscribe</h1>
      <p className="mt-4 text-ink-muted">
        Stop all newsletters to <strong className="text-ink">{subscriber.email}</strong>? Emails about orders you place will still arrive.
      </p>
      <form method="post" action={`/unsubscribe/${token}`} className="mt-8 flex flex-wrap items-center gap-4">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <input type="hidden" name="from" value="page" />
        <Button type="submit" size="lg">
          Unsubscribe from all emails
        </Button>
        <a href={`/preferences/${subscriberToken("preferences", subscriber.id)}`} className="text-sm underline underline-offset-4">
          Choose topics instead
        </a>
      </form>
    </div>
  );
}
