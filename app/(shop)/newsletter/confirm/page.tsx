import type { Metadata } from "next";
import Link from "next/link";
import { TokenLimitNotice } from "@/components/shop/token-limit-notice";
import { Button } from "@/components/ui/button";
import { asPlainFormAction } from "@/lib/actions";
import { guardTokenCheck } from "@/lib/privacy/rate-limit";
import { findPurpose } from "@/lib/consent/purposes";
import { preferencesUrl } from "@/lib/newsletter/links";
import { readNewsletterConfirmation } from "@/lib/newsletter/signup";
import { confirmSubscriptionAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false }, referrer: "same-origin" };
export const instant = false;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The page the double opt-in link opens. Opening it changes nothing: corporate mail scanners
 * open every link in a message, and only the person pressing the button is the owner agreeing.
 */
export default async function ConfirmSubscriptionPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const confirmation = await readNewsletterConfirmation(token);
  if ((await guardTokenCheck(confirmation !== null)) === "limited") return <TokenLimitNotice />;
  if (!confirmation || confirmation.state === "expired") {
    const expired = confirmation?.state === "expired";
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">{expired ? "This link has expired" : "This link is not valid"}</h1>
        <p className="mt-4 text-ink-muted">
          {expired
            ? "Confirmation links work for a limited time, so that an old email cannot subscribe anyone. Nothing was changed."
            : "The link may be incomplete, or it was not sent by us. Nothing was changed."}
        </p>
        <Link href="/newsletter" className="mt-6 inline-block font-medium underline underline-offset-4">
          Subscribe again
        </Link>
      </div>
    );
  }
  const topics = confirmation.topics.map((t) => findPurpose(t)?.label ?? t).join(" and ");
  if (confirmation.state === "used") {
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">You&apos;re subscribed</h1>
        <p className="mt-4 text-ink-muted">
          Thank you. {confirmation.email} will receive: {topics}. {params.welcome === "1" ? "A short welcome email is on its way." : ""}
        </p>
        <p className="mt-6 text-sm">
          <a href={preferencesUrl(confirmation.subscriberId)} className="underline underline-offset-4">
            Change what you receive
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Confirm your subscription</h1>
      <p className="mt-4 text-ink-muted">
        Send <strong className="text-ink">{confirmation.email}</strong>: {topics}?
      </p>
      <form action={asPlainFormAction(confirmSubscriptionAction)} className="mt-8">
        <input type="hidden" name="token" value={token} />
        <Button type="submit" size="lg" className="w-full sm:w-auto">
          Yes, subscribe me
        </Button>
      </form>
      <p className="mt-6 text-sm text-ink-muted">Did not ask for this? Close this page: nothing happens unless you press the button.</p>
    </div>
  );
}
