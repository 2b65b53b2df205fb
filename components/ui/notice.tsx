import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const tones = {
  info: "border-line bg-surface-sunken text-ink",
  error: "border-danger bg-danger-soft text-danger",
};

/**
 * A boxed message: `error` is announced at once (role=alert), `info` politely (role=status).
 * A `role` prop overrides that, e.g. role="note" for a hint that is not news.
 */
export function Notice({ tone = "info", className, ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-lg border p-3 text-sm", tones[tone], className)} {...props} />;
}
