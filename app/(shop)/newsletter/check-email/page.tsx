import type { Metadata } from "next";
import { connection } from "next/server";
import { devMailboxEnabled } from "@/lib/dev-mailbox";
import { CONFIRMATION_HOURS } from "@/lib/newsletter/signup";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

/** Said to everyone, subscribed already or not: the form must not reveal who is on the list. */
// The local-mailbox hint depends on how the server was started, so this renders per request.
export const instant = false;

export default async function NewsletterCheckEmailPage() {
  await connection();
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Nearly there: check your email</h1>
      <p className="mt-4 text-ink-muted">
        We have sent a confirmation link. Open it within {CONFIRMATION_HOURS} hours to start receiving our emails. If nothing arrives, check your spam folder.
      </p>
      {devMailboxEnabled() ? (
        <Notice role="note" className="mt-6">
          Running locally:{" "}
          <Link href="/dev/mailbox" className="font-medium underline underline-offset-4">
            open the local mailbox
          </Link>
        </Notice>
      ) : null}
    </div>
  );
}
