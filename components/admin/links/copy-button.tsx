"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text (the short link) and says so; the text itself is shown beside it for copying by hand. */
export function CopyButton({ text, label = "Copy link" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2500);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="secondary" size="sm" onClick={copy}>
        {label}
      </Button>
      <span role="status" className="text-sm text-ink-muted">
        {copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: select the link and copy it." : ""}
      </span>
    </span>
  );
}
