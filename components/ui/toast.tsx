"use client";

import { Direction, Toast as ToastPrimitive } from "radix-ui";
import { createContext, use, useCallback, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { buttonVariants } from "./button";

export type ToastMessage = {
  title: string;
  description?: string;
  /**
   * `info` and `success` are announced politely, after what the screen reader is saying;
   * `error` at once, and it stays until dismissed.
   */
  tone?: "info" | "success" | "error";
  /** One follow-up, e.g. Undo. `altText` says how else to do it, for those who cannot reach the toast in time. */
  action?: { label: string; altText: string; onClick: () => void };
};

type ShownToast = ToastMessage & { id: number };

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

const symbols = { info: null, success: "✓", error: "⚠" } as const;

/**
 * Short messages about something that just happened ("Order marked as shipped"). Put one
 * provider around the part of the app that uses toasts (the admin layout), not around the shop:
 * shop pages say what happened in the page itself and ship no toast code.
 *
 * A toast is never the only place something important is said: it leaves after a few seconds
 * (it waits while hovered or focused; F8 moves focus to it).
 */
export function ToastProvider({ children, label = "Notifications", duration = 6000 }: { children: ReactNode; label?: string; duration?: number }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const show = useCallback((message: ToastMessage) => setToasts((shown) => [...shown, { ...message, id: nextId() }]), []);
  const dismiss = useCallback((id: number) => setToasts((shown) => shown.filter((t) => t.id !== id)), []);
  // Swipe away towards the reading direction's end.
  const direction = Direction.useDirection();

  return (
    <ToastContext value={show}>
      <ToastPrimitive.Provider label={label} duration={duration} swipeDirection={direction === "rtl" ? "left" : "right"}>
        {children}
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
        ))}
        <ToastPrimitive.Viewport className="fixed end-0 bottom-0 z-50 m-0 flex max-h-screen w-full list-none flex-col gap-2 p-4 sm:max-w-sm" />
      </ToastPrimitive.Provider>
    </ToastContext>
  );
}

let lastId = 0;
function nextId() {
  lastId += 1;
  return lastId;
}

function ToastItem({ toast, onDismiss }: { toast: ShownToast; onDismiss: () => void }) {
  const tone = toast.tone ?? "info";
  const symbol = symbols[tone];
  return (
    <ToastPrimitive.Root
      // foreground = announced assertively; background = politely.
      type={tone === "error" ? "foreground" : "background"}
      duration={tone === "error" ? Infinity : undefined}
      onOpenChange={(open) => {
        if (!open) onDismiss();
      }}
      className={cn(
        "grid grid-cols-[1fr_auto] items-start gap-x-3 rounded-card border bg-surface-raised p-4 text-sm text-ink shadow-lg",
        "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform",
        tone === "error" ? "border-danger" : "border-line",
      )}
    >
      <div className="min-w-0">
        <ToastPrimitive.Title className={cn("font-medium", tone === "error" && "text-danger", tone === "success" && "text-success")}>
          {symbol ? <span aria-hidden="true">{symbol} </span> : null}
          {toast.title}
        </ToastPrimitive.Title>
        {toast.description ? <ToastPrimitive.Description className="mt-1 text-ink-muted">{toast.description}</ToastPrimitive.Description> : null}
        {toast.action ? (
          <ToastPrimitive.Action altText={toast.action.altText} onClick={toast.action.onClick} className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "mt-3")}>
            {toast.action.label}
          </ToastPrimitive.Action>
        ) : null}
      </div>
      {/* Radix reads the toast's text aloud; this attribute leaves "Dismiss" out of it. */}
      <ToastPrimitive.Close data-radix-toast-announce-exclude="" className={cn(buttonVariants({ variant: "ghost", size: "icon" }), "-me-2 -mt-2")}>
        <span aria-hidden="true">×</span>
        <span className="sr-only">Dismiss</span>
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

/** In a client component under a ToastProvider: `const toast = useToast(); toast({ title: "Saved" })`. */
export function useToast() {
  const show = use(ToastContext);
  if (!show) throw new Error("useToast() needs a <ToastProvider> above it.");
  return show;
}
