import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/cn";

type TableProps = ComponentProps<"table"> & {
  /**
   * What the table lists ("Orders placed this week"). It names the table, and the scrolling
   * region around it, for screen readers. Give one unless the table is trivially described by
   * the heading right above it.
   */
  caption?: ReactNode;
  /** Keep the caption for screen readers only, when a visible heading already says it. */
  captionHidden?: boolean;
  /** Classes for the bordered box that scrolls sideways on narrow screens. */
  wrapperClassName?: string;
};

/**
 * A data table. On a phone a wide table scrolls sideways inside its box instead of widening
 * the page; the box is then a labelled region that takes keyboard focus, so keyboard users
 * can scroll it too (WCAG 2.1.1). Give a wide table a minimum width (`className="min-w-[40rem]"`).
 */
export function Table({ caption, captionHidden = false, wrapperClassName, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div
      className={cn("relative w-full overflow-x-auto rounded-card border border-line bg-surface-raised", wrapperClassName)}
      {...(caption ? { role: "region", "aria-labelledby": captionId, tabIndex: 0 } : {})}
    >
      <table className={cn("w-full border-collapse text-start text-sm", className)} {...props}>
        {caption ? (
          <caption id={captionId} className={cn("px-4 pt-4 pb-1 text-start font-medium text-ink", captionHidden && "sr-only")}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-line text-ink-muted", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-line", className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("border-t border-line-strong font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("aria-selected:bg-accent-50", className)} {...props} />;
}

type CellOptions = {
  /** Amounts and counts: aligned to the end so digits line up, in tabular figures. */
  numeric?: boolean;
};

/**
 * A header cell. `scope` defaults to "col" (a column heading in the header); use
 * scope="row" for the cell that names its row (an order number) in the body.
 */
export function TableHead({ className, scope = "col", numeric = false, ...props }: ComponentProps<"th"> & CellOptions) {
  return <th scope={scope} className={cn("px-4 py-3 text-start align-top font-medium", scope === "row" && "text-ink", numeric && "text-end tabular-nums", className)} {...props} />;
}

export function TableCell({ className, numeric = false, ...props }: ComponentProps<"td"> & CellOptions) {
  return <td className={cn("px-4 py-3 align-top", numeric && "text-end tabular-nums", className)} {...props} />;
}
