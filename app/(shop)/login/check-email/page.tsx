import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";
import { devMailboxEnabled } from "@/lib/dev-mailbox";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/constants";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

// The local-mailbox hint depends on how the server was started, so this renders per request.
export const instant = false;

export default async function CheckEmailPage() {
  await connection();
  return (
    <div className="container-page max-w-md py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Check your email</h1>
      <p className="mt-4 text-ink-muted">
        If the address can receive email, a sign-in link is on its way. It works once, for {SIGN_IN_LINK_MINUTES} minutes. You can close this tab.
      </p>
      {devMailboxEnabled() ? (
        <Notice role="note" className="mt-6">
          Running locally: emails are captured, not sent.{" "}
          <Link href="/dev/mailbox" className="font-medium underline underline-offset-4">
            Open the local mailbox
          </Link>
        </Notice>
      ) : null}
      <p className="mt-8 text-sm">
        <Link href="/login" className="underline underline-offset-4">
          Use a different address
        </Link>
      </p>
    </div>
  );
}
