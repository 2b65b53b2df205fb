import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * The look of every text field and select. Phone sizes keep 16 px text so iOS does not zoom
 * into the field; `sm` drops to 14 px from the tablet width up.
 */
export const inputVariants = cva(
  "w-full min-w-0 border border-line-strong bg-surface-raised text-ink placeholder:text-ink-subtle aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-60",
  {
    variants: {
      size: {
        sm: "h-10 px-2.5 text-base md:text-sm",
        md: "h-11 px-3 text-base",
        lg: "h-12 px-4 text-base",
      },
      /** `pill` for search boxes, which sit beside round buttons. */
      shape: {
        box: "rounded-lg",
        pill: "rounded-full px-4",
      },
    },
    compoundVariants: [{ size: "lg", shape: "pill", className: "px-5" }],
    defaultVariants: { size: "md", shape: "box" },
  },
);

export type InputVariants = VariantProps<typeof inputVariants>;

/** A text input. `size` is the look (sm, md, lg), not HTML's character count. */
export function Input({ className, size, shape, ...props }: Omit<ComponentProps<"input">, "size"> & InputVariants) {
  return <input className={cn(inputVariants({ size, shape }), className)} {...props} />;
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium text-ink", className)} {...props} />;
}
