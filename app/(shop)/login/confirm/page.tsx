import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Sign in", robots: { index: false }, referrer: "same-origin" };
export const instant = false;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The page the emailed link opens. Signing in takes a click: mail scanners that fetch every
 * link would otherwise use up the one-time token before the person does.
 */
export default async function ConfirmSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : null;
  const email = typeof params.email === "string" ? params.email : null;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : null;
  if (!token || !email) {
    return (
      <div className="container-page max-w-md py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">This link is incomplete</h1>
        <p className="mt-4 text-ink-muted">Part of the sign-in link is missing. Copy the whole link from the email, or ask for a new one.</p>
        <p className="mt-6">
          <Link href="/login" className="font-medium underline underline-offset-4">
            Ask for a new link
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container-page max-w-md py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Sign in</h1>
      <p className="mt-4 text-ink-muted">
        Signing in as <strong className="text-ink">{email}</strong>.
      </p>
      <form method="post" action="/api/auth/callback/email" className="mt-8">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <Button type="submit" size="lg" className="w-full">
          Continue to your account
        </Button>
      </form>
    </div>
  );
}
