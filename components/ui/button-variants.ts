import { cva } from "class-variance-authority";

/**
 * The shop's one button look. `danger` is the irreversible action itself (filled);
 * `danger-secondary` is a destructive choice among others, or the way to one (outlined);
 * `quiet` is a small text action in a list (Remove); `nav` sits in a navigation list;
 * `unavailable` is a disabled action that says why in its label (Sold out).
 *
 * Layout (full width, margins) comes from `className`; colours, shape and sizes only from
 * here, and no two variants' classes set the same property. So classes are only joined, never
 * merged: <Button> needs no class-merging library, which would otherwise ship to every page
 * with a client form (tailwind-merge is about 9 KB gzip).
 */
const pill = "justify-center rounded-full font-medium disabled:opacity-60";

export const buttonVariants = cva("inline-flex items-center gap-2 whitespace-nowrap transition-colors disabled:cursor-not-allowed", {
  variants: {
    variant: {
      primary: `${pill} bg-accent-600 text-white hover:bg-accent-700`,
      secondary: `${pill} border border-line-strong bg-surface-raised text-ink hover:bg-surface-sunken`,
      ghost: `${pill} text-ink hover:bg-surface-sunken`,
      link: "justify-center rounded-sm font-medium text-accent-700 underline underline-offset-4 hover:text-accent-600 disabled:opacity-60",
      quiet: "justify-center rounded-sm text-sm text-ink underline underline-offset-4 hover:text-danger disabled:opacity-60",
      nav: "w-full justify-start rounded-lg px-4 py-2 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink disabled:opacity-60",
      danger: `${pill} bg-danger text-white hover:bg-danger/90`,
      "danger-secondary": `${pill} border border-danger bg-surface-raised text-danger hover:bg-danger-soft`,
      unavailable: "justify-center rounded-full font-medium bg-line-strong text-ink-muted",
    },
    size: {
      sm: "h-10 px-4 text-sm",
      md: "h-11 px-5 text-sm",
      lg: "h-12 px-7 text-base",
      /** A square control for a symbol (close, dismiss): give it an accessible name. */
      icon: "size-10 text-lg",
      /** No box: for the `link`, `quiet` and `nav` variants. */
      none: "",
    },
  },
  defaultVariants: { variant: "primary", size: "md" },
});
