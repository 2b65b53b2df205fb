"use client";

import { Tabs } from "radix-ui";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export type RenderedEmail = { subject: string; html: string; text: string };
export type PreviewDraft = { subject: string; preheader: string; body: string; topic: string };

const PREVIEW_URL = "/admin/marketing/campaigns/preview";

const tabClass =
  "rounded-full px-3 py-1.5 text-sm text-ink-muted hover:text-ink data-[state=active]:bg-surface-sunken data-[state=active]:font-medium data-[state=active]:text-ink";

/**
 * The email as recipients get it: the HTML part in a sandboxed iframe (sandbox="" — no
 * scripts, no forms, no same-origin access, so nothing in a draft can reach the admin page)
 * and the plain-text part in a second tab.
 */
export function EmailPreviewFrame({ email, status }: { email: RenderedEmail; status?: ReactNode }) {
  return (
    <Tabs.Root defaultValue="html" className="rounded-card border border-line bg-surface-raised">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line p-2">
        <Tabs.List aria-label="Email part" className="flex gap-1">
          <Tabs.Trigger value="html" className={tabClass}>
            Email
          </Tabs.Trigger>
          <Tabs.Trigger value="text" className={tabClass}>
            Plain text
          </Tabs.Trigger>
        </Tabs.List>
        <div className="pe-2 text-xs text-ink-muted">{status}</div>
      </div>
      <p className="border-b border-line px-4 py-2 text-sm">
        <span className="text-ink-muted">Subject: </span>
        <span data-testid="preview-subject">{email.subject || "(no subject yet)"}</span>
      </p>
      <Tabs.Content value="html" className="focus-visible:outline-2">
        <iframe sandbox="" srcDoc={email.html} title="Email preview" className="block h-[36rem] w-full rounded-b-card bg-surface" />
      </Tabs.Content>
      <Tabs.Content value="text" className="focus-visible:outline-2">
        <pre className="h-[36rem] overflow-auto p-4 font-mono text-xs leading-5 whitespace-pre-wrap" aria-label="Plain-text part" tabIndex={0}>
          {email.text}
        </pre>
      </Tabs.Content>
    </Tabs.Root>
  );
}

/**
 * The live preview: re-rendered on the server a moment after the draft stops changing, by the
 * same function that builds the real email. A newer request abandons the older one.
 */
export function LiveCampaignPreview({ draft, initial, className }: { draft: PreviewDraft; initial: RenderedEmail; className?: string }) {
  const [email, setEmail] = useState(initial);
  const [state, setState] = useState<{ status: "idle" | "updating" | "error"; message?: string }>({ status: "idle" });
  const first = useRef(true);
  const key = JSON.stringify(draft);

  useEffect(() => {
    // The first render already has the server's preview of the saved draft.
    if (first.current) {
      first.current = false;
      return;
    }
    const controller = new AbortController();
    setState({ status: "updating" });
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(PREVIEW_URL, { method: "POST", body: key, headers: { "content-type": "application/json", accept: "application/json" }, signal: controller.signal });
        const body = (await response.json()) as Partial<RenderedEmail> & { error?: { message: string; fieldErrors?: Record<string, string[]> } };
        if (!response.ok || typeof body.html !== "string") {
          const details = Object.values(body.error?.fieldErrors ?? {}).flat();
          setState({ status: "error", message: [body.error?.message ?? "The preview could not be updated.", ...details].join(" ") });
          return;
        }
        setEmail({ subject: body.subject ?? "", html: body.html, text: body.text ?? "" });
        setState({ status: "idle" });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setState({ status: "error", message: "The preview could not be updated. Check your connection." });
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return (
    <div className={cn("space-y-2", className)}>
      <EmailPreviewFrame
        email={email}
        status={
          <span role="status" className={state.status === "error" ? "text-danger" : undefined}>
            {state.status === "updating" ? "Updating preview…" : state.status === "error" ? state.message : "Preview for a sample subscriber"}
          </span>
        }
      />
    </div>
  );
}
