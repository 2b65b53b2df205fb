"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

type Count = { topic: string; label: string; count: number };
type CountState = { status: "counting" | "done" | "error"; counts: Count[]; message?: string };

const COUNT_URL = "/admin/marketing/segments/count";
/** Fields of the editor that are not rules. */
const notRules = new Set(["id", "name"]);

/** The editor's rule fields as the count route's query string (every value of a list). */
export function rulesQuery(form: HTMLFormElement, topic?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (notRules.has(key) || key.startsWith("$ACTION") || typeof value !== "string") continue;
    query.append(key, value);
  }
  if (topic) query.set("topic", topic);
  return query.toString();
}

/**
 * "1,204 people would get a campaign on New arrivals": recounted a moment after the rules stop
 * changing, from the same audience query the send uses. The older request is abandoned when a
 * newer one starts, so a slow answer never overwrites a fresher one.
 */
export function useAudienceCount(formRef: RefObject<HTMLFormElement | null>, { topic, delay = 350 }: { topic?: string; delay?: number } = {}) {
  const [state, setState] = useState<CountState>({ status: "counting", counts: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);

  const count = useCallback(async () => {
    const form = formRef.current;
    if (!form) return;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => ({ ...s, status: "counting" }));
    try {
      const response = await fetch(`${COUNT_URL}?${rulesQuery(form, topic)}`, { signal: controller.signal, headers: { accept: "application/json" } });
      const body = (await response.json()) as { counts?: Count[]; error?: { message: string; fieldErrors?: Record<string, string[]> } };
      if (!response.ok || !body.counts) {
        const details = Object.values(body.error?.fieldErrors ?? {}).flat();
        setState({ status: "error", counts: [], message: [body.error?.message ?? "The count is not available.", ...details].join(" ") });
        return;
      }
      setState({ status: "done", counts: body.counts });
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      setState({ status: "error", counts: [], message: "The count could not be fetched. Check your connection." });
    }
  }, [formRef, topic]);

  const recount = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(count, delay);
  }, [count, delay]);

  useEffect(() => {
    void count();
    return () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, [count]);

  return { state, recount };
}

export function AudienceCountPanel({ state, emptyHint }: { state: CountState; emptyHint?: string }) {
  const numbers = new Intl.NumberFormat("en-GB");
  return (
    <div className="rounded-card border border-line bg-surface-raised p-4" aria-busy={state.status === "counting"}>
      <h2 className="font-sans text-base font-semibold">Who this reaches today</h2>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {state.status === "error" ? (
          <p className="text-danger">{state.message}</p>
        ) : state.counts.length === 0 ? (
          <p className="text-ink-muted">Counting…</p>
        ) : (
          <ul className="space-y-1">
            {state.counts.map((c) => (
              <li key={c.topic} data-topic={c.topic}>
                <strong className="tabular-nums">{numbers.format(c.count)}</strong> {c.count === 1 ? "person" : "people"} would get a campaign on {c.label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="mt-2 text-xs text-ink-muted">
        {state.status === "counting" && state.counts.length > 0 ? "Updating… " : null}
        {emptyHint ?? "Only people with an active subscription to the topic who are not on the suppression list are ever counted or sent to. The audience is worked out again when a campaign sends."}
      </p>
    </div>
  );
}
