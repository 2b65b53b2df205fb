import type { Metadata } from "next";
import Link from "next/link";
import { NewsletterForm } from "@/components/shop/newsletter-form";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = {
  title: "Newsletter",
  description: `New arrivals and workshop news from ${shopConfig.name}, straight to your inbox. No tracking pixels, one-click unsubscribe.`,
  alternates: { canonical: "/newsletter" },
};

export default function NewsletterPage() {
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Hear from the workshop</h1>
      <p className="mt-4 text-ink-muted">
        Social networks decide who sees our posts. Email doesn&apos;t: subscribe and you hear about new pieces first, from us, in your own inbox. Our emails carry no
        tracking pixels, and each one says why you got it.
      </p>
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
