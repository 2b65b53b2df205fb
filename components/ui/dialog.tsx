"use client";

import { Dialog as DialogPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { buttonVariants } from "./button";

/**
 * A modal dialog on Radix Dialog, which traps focus inside, closes on Escape and returns focus
 * to the control that opened it.
 *
 *   <Dialog>
 *     <DialogTrigger asChild><Button variant="danger-secondary">Archive…</Button></DialogTrigger>
 *     <DialogContent title="Archive this product?" description="It leaves the shop; orders keep it.">
 *       <DialogFooter>
 *         <DialogClose asChild><Button variant="secondary">Cancel</Button></DialogClose>
 *         <Button variant="danger" onClick={archive}>Archive</Button>
 *       </DialogFooter>
 *     </DialogContent>
 *   </Dialog>
 *
 * A dialog needs JavaScript: keep the action it confirms reachable without one (a form on
 * the page the dialog only confirms, or a page of its own).
 */
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  /** Names the dialog (aria-labelledby): what it is about, as a heading. */
  title: ReactNode;
  /** Describes it (aria-describedby): one or two sentences on what happens next. */
  description: ReactNode;
  /** Accessible name of the × button in the top end corner. */
  closeLabel?: string;
};

export function DialogContent({ title, description, closeLabel = "Close", className, children, ...props }: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      {/* The overlay holds the content, so it centres it without physical sides and scrolls a tall dialog on a phone. */}
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-ink/50 p-4">
        <DialogPrimitive.Content
          className={cn("relative w-full max-w-lg rounded-card border border-line bg-surface-raised p-6 text-ink shadow-xl", className)}
          {...props}
        >
          <DialogPrimitive.Title className="pe-10 text-2xl">{title}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="mt-2 text-sm text-ink-muted">{description}</DialogPrimitive.Description>
          {children}
          <DialogPrimitive.Close className={cn(buttonVariants({ variant: "ghost", size: "icon" }), "absolute end-3 top-3")}>
            <span aria-hidden="true">×</span>
            <span className="sr-only">{closeLabel}</span>
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Overlay>
    </DialogPrimitive.Portal>
  );
}

/** The dialog's buttons: stacked on a phone with the main action first, in a row at the end from the tablet width. */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}
