"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center", background: "#faf8f5", color: "#1f1c1a" }}>
        <h1>Sorry, the shop is having trouble</h1>
        <p>Please try again in a moment. No order or data was lost.</p>
        {error.digest ? <p style={{ fontSize: 12, color: "#6f6760" }}>Reference: {error.digest}</p> : null}
        <p>
          {/* A full page load on purpose: the root layout itself failed, so start afresh. */}
          <a href="/">Back to the home page</a>
        </p>
      </body>
    </html>
  );
}
