import type { Metadata } from "next";
import Link from "next/link";
import { NewsletterForm } from "@/components/shop/newsletter-form";
import { shopConfig } from "@/lib/shop-config";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = {
  title: "Newsletter",
  description: `New arrivals and workshop news from ${shopConfig.name}, straight to your inbox. No tracking pixels, one-click unsubscribe.`,
  alternates: { canonical: "/newsletter" },
};

const problems: Record<string, string> = {
  email: "Please enter your email address, like name@example.com.",
  topics: "Please tick at least one kind of email you would like.",
  limited: "We have already sent several confirmation emails for this address or from your connection. Please use the latest one, or try again later.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The footer form sends people here with ?problem= to fix a signup; this must show without
// JavaScript, so the page renders whole rather than streaming.
export const instant = false;

export default async function NewsletterPage({ searchParams }: { searchParams: SearchParams }) {
  const { problem } = await searchParams;
  const message = typeof problem === "string" ? problems[problem] : undefined;
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Hear from the workshop</h1>
      <p className="mt-4 text-ink-muted">
        Social networks decide who sees our posts. Email doesn&apos;t: subscribe and you hear about new pieces first, from us, in your own inbox. Our emails carry no
        tracking pixels, and each one says why you got it.
      </p>
      {message ? (
        <Notice tone="error" className="mt-6">
          {message}
        </Notice>
      ) : null}
      <div className="mt-8 rounded-card border border-line bg-surface-raised p-5">
        <NewsletterForm source="newsletter-page" />
      </div>
      <p className="mt-6 text-sm text-ink-muted">
        Already subscribed? Every email has a link to change what you get. Signed in?{" "}
        <Link href="/account/privacy" className="underline underline-offset-4">
          Manage your emails in your privacy centre
        </Link>
        .
      </p>
    </div>
  );
}

