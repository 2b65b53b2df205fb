import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { inputVariants, type InputVariants } from "./input";

type SelectProps = Omit<ComponentProps<"select">, "size" | "multiple"> & Pick<InputVariants, "size">;

/**
 * A native <select> drawn like Input: it works without JavaScript, and the phone's own picker,
 * keyboard and screen reader behaviour come for free. The arrow is drawn here so the control
 * looks the same in every browser.
 *
 * `className` places and sizes the control (margin, width: it is on the wrapper that holds the
 * arrow); every other prop goes to the <select>. `size` is the look (sm, md), not HTML's
 * number of visible rows: a list box is a different control.
 */
export function Select({ className, size, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(inputVariants({ size }), "appearance-none pe-9")} {...props}>
        {children}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="pointer-events-none absolute end-3 top-1/2 size-4 -translate-y-1/2 text-ink-muted"
      >
        <path d="m4 6 4 4 4-4" />
      </svg>
    </div>
  );
}
