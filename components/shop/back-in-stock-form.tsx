"use client";

import { useActionState } from "react";
import { requestBackInStockAction } from "@/app/(shop)/back-in-stock/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { BACK_IN_STOCK_CONFIRMATION_DAYS, backInStockWording } from "@/lib/back-in-stock/wording";

/**
 * "Email me when it's back", under a sold-out option's button. A client component so the
 * cached product page stays the same for every visitor: who is signed in is decided by the
 * action, never by the page. Works without JavaScript too (a plain form post).
 */
export function BackInStockForm({ variantId, optionLabel }: { variantId: number; optionLabel: string }) {
  const [state, action, pending] = useActionState(requestBackInStockAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  if (state?.ok) {
    const { answer, email } = state.data;
    return (
      <Notice className="mt-4" data-testid="back-in-stock-result">
        {answer === "active" ? (
          <>
            <strong className="block font-semibold">We&apos;ll email you once when it&apos;s back.</strong>
            One email to {email}, then we forget the request. No newsletter.
          </>
        ) : answer === "check_email" ? (
          <>
            <strong className="block font-semibold">Nearly there: check your inbox.</strong>
            We&apos;ve sent a link to {email}. Confirm within {BACK_IN_STOCK_CONFIRMATION_DAYS} days and we&apos;ll email you once when it&apos;s back. Nothing is sent
            until you do.
          </>
        ) : (
          <>
            <strong className="block font-semibold">Good news: it&apos;s back in stock.</strong>
            Reload the page to add it to your cart.
          </>
        )}
      </Notice>
    );
  }

  return (
    <section aria-labelledby="back-in-stock-heading" className="mt-4 rounded-card border border-line bg-surface-raised p-4">
      <h2 id="back-in-stock-heading" className="font-sans text-sm font-semibold">
        Email me when it&apos;s back
      </h2>
      <p className="mt-1 text-sm text-ink-muted" id="back-in-stock-wording">
        {optionLabel ? `${optionLabel}: ` : ""}
        {backInStockWording.text}
      </p>
      <form action={action} noValidate className="mt-3 space-y-2">
        <input type="hidden" name="variantId" value={variantId} />
        <FormStatus state={state} fields={["email"]} />
        <Label htmlFor="back-in-stock-email">Email address</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="back-in-stock-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "back-in-stock-email-error back-in-stock-wording" : "back-in-stock-wording"}
            className="sm:flex-1"
          />
          <Button type="submit" disabled={pending} className="shrink-0">
            {pending ? "Sending…" : "Email me once"}
          </Button>
        </div>
        <FieldError id="back-in-stock-email-error" errors={errors.email} />
      </form>
    </section>
  );
}
