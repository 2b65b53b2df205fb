import { cva } from "class-variance-authority";

/**
 * The shop's one button look. `danger` is the irreversible action itself (filled);
 * `danger-secondary` is a destructive choice among others, or the way to one (outlined).
 * Layout (full width, margins) comes from `className`; colours and sizes only from here.
 *
 * Use it through <Button> and <ButtonLink>. It lives in its own module, without the class
 * merging those do (tailwind-merge), for the one client component every page loads: the error
 * boundary (app/error.tsx).
 */
export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-full font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-accent-600 text-white hover:bg-accent-700",
        secondary: "border border-line-strong bg-surface-raised text-ink hover:bg-surface-sunken",
        ghost: "text-ink hover:bg-surface-sunken",
        link: "rounded-sm text-accent-700 underline underline-offset-4 hover:text-accent-600",
        danger: "bg-danger text-white hover:bg-danger/90",
        "danger-secondary": "border border-danger bg-surface-raised text-danger hover:bg-danger-soft",
      },
      size: {
        sm: "h-10 px-4 text-sm",
        md: "h-11 px-5 text-sm",
        lg: "h-12 px-7 text-base",
        /** A square control for a symbol (close, dismiss): give it an accessible name. */
        icon: "size-10 text-lg",
        /** No box: for the `link` variant inside running text. */
        none: "",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);
