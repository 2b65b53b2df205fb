"use client";

import Link from "next/link";
import { useEffect } from "react";
import { buttonVariants } from "@/components/ui/button-variants";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The server already logged the details; the digest lets the merchant match this page to that log line.
    console.error(error.digest ?? error.message);
  }, [error]);
  return (
    <main id="main" className="container-page flex-1 py-20 text-center">
      <p className="text-sm font-medium uppercase tracking-widest text-accent-700">Something went wrong</p>
      <h1 className="mt-3 font-serif text-3xl">Sorry, this page didn’t load</h1>
      <p className="mx-auto mt-4 max-w-md text-ink-muted">
        Nothing you did caused this, and no order or data was lost. Please try again in a moment.
      </p>
      {error.digest ? <p className="mt-2 text-xs text-ink-subtle">Reference: {error.digest}</p> : null}
      {/* buttonVariants on plain elements, not <Button>: this boundary's code loads on every page, and Button's class merging would come with it. */}
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={reset} className={buttonVariants()}>
          Try again
        </button>
        <Link href="/" className={buttonVariants({ variant: "secondary" })}>
          Home
        </Link>
      </div>
    </main>
  );
}
