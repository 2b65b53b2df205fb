"use client";

import { useActionState } from "react";
import { placeOrderAction } from "@/app/(shop)/checkout/actions";
import { Button } from "@/components/ui/button";
import { Checkbox, Radio } from "@/components/ui/checkbox";
import { CountrySelect } from "@/components/ui/country-select";
import { FieldError, FormField as Field } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { checkoutNewsletterWording } from "@/lib/consent/purposes";

type ShippingOption = { code: string; label: string; price: string };

/**
 * The checkout form. Every field has a label and the standard autocomplete token so browsers
 * and password managers can fill it; every error is shown at once; the hidden key makes a
 * double click place one order.
 */
export function CheckoutForm({
  idempotencyKey,
  shippingOptions,
  discountCode,
  prefill,
}: {
  idempotencyKey: string;
  /** A signed-in shopper's address and default delivery address; they can still change both. */
  prefill?: { email: string; address: { name: string; line1: string; line2: string; city: string; postalCode: string; country: string } | null } | null;
  shippingOptions: ShippingOption[];
  /** The code applied in the discount form above; checked again when the order is placed. */
  discountCode: string;
}) {
  const [state, action, pending] = useActionState(placeOrderAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const a = prefill?.address;
  return (
    <form action={action} noValidate className="space-y-8" aria-label="Checkout">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="discountCode" value={discountCode} />
      {/* The hidden key has no field to highlight, so FormStatus says its error. */}
      <FormStatus state={state} fields={["email", "name", "line1", "line2", "city", "postalCode", "country", "shippingMethod", "discountCode"]} />

      <fieldset className="space-y-4">
        <legend className="font-serif text-xl">Contact</legend>
        <Field name="email" label="Email" type="email" autoComplete="email" errors={errors.email} defaultValue={prefill?.email} hint="For your order confirmation and delivery updates only." />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="font-serif text-xl">Delivery address</legend>
        <Field name="name" defaultValue={a?.name} label="Full name" autoComplete="name" errors={errors.name} />
        <Field name="line1" defaultValue={a?.line1} label="Address" autoComplete="address-line1" errors={errors.line1} />
        <Field name="line2" defaultValue={a?.line2} label="Flat, building or area" autoComplete="address-line2" errors={errors.line2} required={false} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="city" defaultValue={a?.city} label="Town or city" autoComplete="address-level2" errors={errors.city} />
          <Field name="postalCode" defaultValue={a?.postalCode} label="Postcode" autoComplete="postal-code" errors={errors.postalCode} />
        </div>
        <CountrySelect defaultValue={a?.country ?? "GB"} errors={errors.country} />
      </fieldset>

      <fieldset aria-describedby={errors.shippingMethod?.length ? "shippingMethod-error" : undefined}>
        <legend className="font-serif text-xl">Delivery</legend>
        <div className="mt-3 space-y-2">
          {shippingOptions.map((option, i) => (
            <label key={option.code} className="flex cursor-pointer items-center gap-3 rounded-lg border border-line-strong bg-surface-raised p-3 text-sm has-checked:border-ink">
              <Radio name="shippingMethod" value={option.code} defaultChecked={i === 0} />
              <span className="flex-1">{option.label}</span>
              <span className="font-medium">{option.price}</span>
            </label>
          ))}
        </div>
        <FieldError id="shippingMethod-error" errors={errors.shippingMethod} />
      </fieldset>

      <FieldError errors={errors.discountCode} />

      <fieldset>
        <legend className="sr-only">Newsletter</legend>
        <label className="flex items-start gap-3 text-sm">
          <Checkbox name="newsletter" value="yes" className="mt-0.5" />
          <span>
            {checkoutNewsletterWording.text} We will email you to confirm first.
          </span>
        </label>
      </fieldset>

      <div className="rounded-lg border border-line bg-surface-sunken p-4 text-sm">
        <p className="font-medium">Payment: bank transfer</p>
        <p className="mt-1 text-ink-muted">After you place the order we show you (and email you) how to pay. We post it when the payment arrives.</p>
      </div>

      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Placing your order…" : "Place order"}
      </Button>
    </form>
  );
}
