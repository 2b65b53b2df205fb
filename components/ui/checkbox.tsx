import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

type ChoiceProps = Omit<ComponentProps<"input">, "type">;

/**
 * Native checkbox and radio in the accent colour: they post with the form without JavaScript,
 * and wrapping one in a <label> with its words gives it its accessible name.
 */
export function Checkbox({ className, ...props }: ChoiceProps) {
  return <input type="checkbox" className={cn("size-4 shrink-0 accent-accent-600", className)} {...props} />;
}

export function Radio({ className, ...props }: ChoiceProps) {
  return <input type="radio" className={cn("size-4 shrink-0 accent-accent-600", className)} {...props} />;
}
