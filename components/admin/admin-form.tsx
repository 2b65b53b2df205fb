"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/actions";
import { useToast } from "@/components/ui/toast";

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for an admin form, plus a toast when the change is saved (the wrapper's
 * message, or `success`). Errors stay in the form: show them with <FormStatus> and each
 * field's `errors` (the returned `errors`), so nothing important lives only in a toast.
 */
export function useAdminAction<T>(action: Action<T>, success?: string | ((data: T) => string)) {
  const [state, formAction, pending] = useActionState(action, null);
  const toast = useToast();
  const shown = useRef<ActionResult<T> | null>(null);
  useEffect(() => {
    if (!state || shown.current === state || !state.ok) return;
    shown.current = state;
    const title = state.message ?? (typeof success === "function" ? success(state.data) : success);
    if (title) toast({ title, tone: "success" });
  }, [state, success, toast]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, pending, errors };
}
