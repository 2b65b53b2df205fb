import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { devMailboxEnabled } from "@/lib/dev-mailbox";

export const metadata: Metadata = { title: "Local mailbox", robots: { index: false } };
export const instant = false;

type Captured = { id: string; to: string[]; subject: string; text: string; receivedAt: string };

/**
 * Development and demo only: the emails the local capture server received, newest first, with
 * their links, so a newcomer can click a sign-in link without any mail account.
 */
export default async function DevMailboxPage() {
  await connection();
  if (!devMailboxEnabled()) notFound();
  const base = process.env.RESEND_BASE_URL!.replace(/\/+$/, "");
  let messages: Captured[] = [];
  let failed = false;
  try {
    const response = await fetch(`${base}/emails`, { cache: "no-store" });
    messages = ((await response.json()) as { data: Captured[] }).data.slice(0, 50);
  } catch {
    failed = true;
  }
  return (
    <div className="container-page max-w-3xl py-10">
      <h1 className="text-3xl">Local mailbox</h1>
      <p className="mt-3 text-ink-muted">
        This shop runs locally, so its emails are captured here instead of being sent. This page does not exist in production.
      </p>
      {failed ? <p className="mt-6 text-danger">The capture server at {base} did not answer.</p> : null}
      {messages.length === 0 && !failed ? <p className="mt-8 rounded-card border border-dashed border-line-strong p-8 text-center">No emails yet.</p> : null}
      <ol className="mt-8 space-y-4">
        {messages.map((m) => {
          const links = [...new Set(m.text.match(/https?:\/\/[^\s)\]]+/g) ?? [])];
          return (
            <li key={m.id} className="rounded-card border border-line bg-surface-raised p-4">
              <p className="font-medium">{m.subject}</p>
              <p className="text-sm text-ink-muted">
                To {m.to.join(", ")} · {new Date(m.receivedAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
              </p>
              {links.length ? (
                <ul className="mt-2 space-y-1 text-sm">
                  {links.map((href) => (
                    <li key={href} className="truncate">
                      <a href={href} className="text-accent-700 underline underline-offset-4">
                        {href.replace(/^https?:\/\/[^/]+/, "")}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
