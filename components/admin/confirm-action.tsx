"use client";

import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormStatus } from "@/components/ui/form-status";
import { useAdminAction } from "./admin-form";

/**
 * A destructive or irreversible admin action behind a confirmation dialog: the trigger opens
 * it, the dialog says what will happen, and only its confirm button submits. `fields` are
 * sent as hidden inputs; `children` may add visible ones (a reason, an amount).
 */
export function ConfirmAction<T>({
  action,
  fields,
  trigger,
  title,
  description,
  confirmLabel,
  pendingLabel = "Working…",
  success,
  tone = "danger",
  cancelLabel = "Cancel",
  children,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string | number>;
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  success?: string;
  tone?: "danger" | "primary";
  cancelLabel?: string;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { state, formAction, pending } = useAdminAction(action, success);
  // Done: close, and let the toast and the refreshed page say what changed.
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <form action={formAction} className="space-y-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          <FormStatus state={state && !state.ok ? state : null} />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {cancelLabel}
              </Button>
            </DialogClose>
            <Button type="submit" variant={tone} disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
