"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { CampaignProgress } from "@/db/queries/campaign-sending";
import { describeTimeLeft, percentDone } from "./wording";

/** What the progress route answers (dates travel as JSON strings, and the panel shows none). */
export type ProgressSnapshot = Omit<CampaignProgress, "status" | "startedAt" | "finishedAt"> & { status: string };

const POLL_MS = 2000;

/**
 * Where a campaign stands, updated every 2 s from its progress route while it sends. When
 * the campaign stops sending (finished, paused by the worker, cancelled elsewhere) polling
 * stops and the page is fetched again so its buttons and stats match.
 */
export function CampaignProgress({ id, initial }: { id: string; initial: ProgressSnapshot }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [stale, setStale] = useState(false);

  // A new status from the server (after Pause/Resume) starts from the server's figures.
  const [lastInitial, setLastInitial] = useState(initial);
  if (initial !== lastInitial) {
    setLastInitial(initial);
    setProgress(initial);
  }

  const polling = progress.status === "sending";
  useEffect(() => {
    if (!polling) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const response = await fetch(`/admin/marketing/campaigns/${id}/progress`, { headers: { accept: "application/json" }, cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = (await response.json()) as ProgressSnapshot;
        if (cancelled) return;
        setStale(false);
        setProgress(next);
        // Polling runs only while sending: any other status is news for the whole page.
        if (next.status !== "sending") router.refresh();
      } catch {
        if (!cancelled) setStale(true);
      }
      if (!cancelled) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, polling, router]);

  const done = progress.recipients - progress.remaining;
  const percent = percentDone(done, progress.recipients);
  const numbers = new Intl.NumberFormat("en-GB");
  const figures: [string, number | string][] = [
    ["Sent", numbers.format(progress.sent)],
    ["Failed", numbers.format(progress.failed)],
    ["Skipped", numbers.format(progress.skipped)],
    ["Remaining", numbers.format(progress.remaining)],
  ];
  if (progress.cancelled > 0) figures.push(["Not sent (cancelled)", numbers.format(progress.cancelled)]);

  return (
    <section aria-labelledby="progress-heading" className="rounded-card border border-line bg-surface-raised p-4 md:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-heading" className="text-2xl">
          Progress
        </h2>
        <p className="text-sm text-ink-muted">
          {numbers.format(progress.recipients)} {progress.recipients === 1 ? "recipient" : "recipients"}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Emails handled"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% (${numbers.format(done)} of ${numbers.format(progress.recipients)})`}
        className="mt-4 h-3 overflow-hidden rounded-full bg-surface-sunken"
      >
        <div className="h-full rounded-full bg-accent-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-sm tabular-nums" aria-hidden="true">
        {percent}%
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-surface-sunken p-3">
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd className="mt-1 text-lg font-medium tabular-nums" data-figure={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-ink-muted">Current rate: </dt>
          <dd className="inline tabular-nums">{progress.status === "sending" ? `${numbers.format(progress.sentLastMinute)} a minute` : "—"}</dd>
        </div>
        <div>
          <dt className="inline text-ink-muted">Time left: </dt>
          <dd className="inline">{progress.status === "sending" ? (progress.remaining === 0 ? "Finishing" : describeTimeLeft(progress.etaSeconds)) : "—"}</dd>
        </div>
      </dl>
      <p role="status" className="mt-3 text-xs text-ink-muted">
        {stale ? "Lost touch with the server; still trying…" : polling ? "Updates every 2 seconds." : progress.status === "paused" ? `Paused${progress.pausedReason ? `: ${progress.pausedReason}` : ""}.` : null}
      </p>
    </section>
  );
}
