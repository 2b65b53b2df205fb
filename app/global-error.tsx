"use client";

// The root layout failed, so its stylesheet may never have loaded: bring the site's own.
import "./globals.css";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="px-4 py-16 text-center">
        <h1 className="text-3xl">Sorry, the shop is having trouble</h1>
        <p className="mt-4 text-ink-muted">Please try again in a moment. No order or data was lost.</p>
        {error.digest ? <p className="mt-2 text-xs text-ink-subtle">Reference: {error.digest}</p> : null}
        <p className="mt-8">
          {/* A full page load on purpose: the root layout itself failed, so start afresh. */}
          <a href="/" className="font-medium text-accent-700 underline underline-offset-4">
            Back to the home page
          </a>
        </p>
      </body>
    </html>
  );
}
