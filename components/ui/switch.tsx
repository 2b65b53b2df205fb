import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

type SwitchButtonProps = Omit<ComponentProps<"button">, "role" | "aria-checked" | "children"> & {
  checked: boolean;
  /** The setting it switches, e.g. "Personalised suggestions": its accessible name. */
  label: string;
};

/**
 * An on/off switch that is a submit button: its form carries the value to change to, so one
 * press changes the setting with or without JavaScript. (A headless switch toggles in the
 * browser and needs script; here every press is recorded by the server.)
 */
export function SwitchButton({ checked, label, className, type = "submit", ...props }: SwitchButtonProps) {
  return (
    <button
      type={type}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      className={cn(
        "relative inline-flex h-8 w-14 shrink-0 items-center rounded-full border-2 transition-colors disabled:cursor-not-allowed disabled:opacity-60",
        checked ? "border-accent-600 bg-accent-600" : "border-line-strong bg-surface-sunken",
        className,
      )}
      {...props}
    >
      <span className={cn("inline-block size-6 rounded-full bg-white shadow transition-[margin]", checked ? "ms-6" : "ms-0.5")} />
      {/* The state in words too, so colour is not the only signal. */}
      <span className={cn("absolute text-[10px] font-semibold uppercase", checked ? "start-1.5 text-white" : "end-1.5 text-ink-muted")} aria-hidden="true">
        {checked ? "On" : "Off"}
      </span>
    </button>
  );
}
