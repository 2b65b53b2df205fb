"use client";

import { useEffect } from "react";
import { Button, ButtonLink } from "@/components/ui/button";

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
      <div className="mt-8 flex justify-center gap-3">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <ButtonLink href="/" variant="secondary">
          Home
        </ButtonLink>
      </div>
    </main>
  );
}
