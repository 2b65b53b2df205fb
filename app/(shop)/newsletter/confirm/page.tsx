import type { Metadata } from "next";
import Link from "next/link";
import { findPurpose } from "@/lib/consent/purposes";
import { confirmNewsletterSignup } from "@/lib/newsletter/signup";
import { preferencesUrl } from "@/lib/newsletter/links";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false }, referrer: "no-referrer" };
export const instant = false;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The double opt-in link. Confirming on GET is deliberate here (unlike sign-in links): a mail
 * scanner that follows it can only confirm what the address's owner asked for, and it is
 * what people expect from "click to confirm".
 */
export default async function ConfirmSubscriptionPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const result = await confirmNewsletterSignup(token);
  if (!result.ok) {
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">{result.reason === "expired" ? "This link has expired" : "This link is not valid"}</h1>
        <p className="mt-4 text-ink-muted">
          {result.reason === "expired"
            ? "Confirmation links work for a limited time, so that an old email cannot subscribe anyone. Nothing was changed."
            : "The link may be incomplete, or it was not sent by us. Nothing was changed."}
        </p>
        <Link href="/newsletter" className="mt-6 inline-block font-medium underline underline-offset-4">
          Subscribe again
        </Link>
      </div>
    );
  }
  const topics = result.topics.map((t) => findPurpose(t)?.label ?? t);
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">You&apos;re subscribed</h1>
      <p className="mt-4 text-ink-muted">
        Thank you. {result.subscriber.email} will receive: {topics.join(" and ")}. {result.alreadyConfirmed ? "" : "A short welcome email is on its way."}
      </p>
      <p className="mt-6 text-sm">
        <a href={preferencesUrl(result.subscriber.id)} className="underline underline-offset-4">
          Change what you receive
        </a>
      </p>
    </div>
  );
}
