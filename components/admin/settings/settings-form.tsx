"use client";

import { useState } from "react";
import { updateShopSettingsAction } from "@/app/admin/settings/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";

/** The form's starting values, as text the way the merchant types them (money in major units). */
export type SettingsFormValues = Record<string, string> & { pricesIncludeTax: "yes" | ""; individualClickTracking: "yes" | "" };

export type DeliveryField = { code: string; title: string };
export type SocialField = { network: string; label: string };

function Fieldset({ legend, description, children }: { legend: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-card border border-line bg-surface-raised p-5">
      <legend className="px-1 font-sans text-base font-semibold">{legend}</legend>
      {description ? <p className="mb-4 text-sm text-ink-muted">{description}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function ShopSettingsForm({ values, delivery, social, currency }: { values: SettingsFormValues; delivery: DeliveryField[]; social: SocialField[]; currency: string }) {
  const { state, formAction, pending, errors } = useAdminAction(updateShopSettingsAction);
  // After a refused save React resets the form; it resets to what was typed, not the saved values.
  const [submitted, setSubmitted] = useState<FormData | null>(null);
  const typed = state && !state.ok && submitted;
  const value = (name: string) => (typed ? String(submitted.get(name) ?? "") : (values[name] ?? ""));
  const field = (name: string) => ({ name, defaultValue: value(name), errors: errors[name] });

  return (
    <form
      action={(formData: FormData) => {
        setSubmitted(formData);
        formAction(formData);
      }}
      noValidate
      className="space-y-6"
      aria-label="Shop settings"
    >
      <FormStatus state={state} fields={Object.keys(values)} />
      <Fieldset legend="Shop and contact" description="Shown in the shop's header and footer, in every email and in the privacy notice.">
        <FormField {...field("shopName")} label="Shop name" autoComplete="organization" />
        <FormField {...field("contactEmail")} label="Contact email" type="email" autoComplete="email" />
        <FormField {...field("contactPhone")} label="Contact phone" type="tel" autoComplete="tel" required={false} />
      </Fieldset>

      <Fieldset legend="Postal address" description="The law requires it in the footer of marketing emails; the privacy notice names it too.">
        <FormField {...field("addressLine1")} label="Address" autoComplete="address-line1" className="md:col-span-2" />
        <FormField {...field("addressLine2")} label="Second address line" autoComplete="address-line2" required={false} className="md:col-span-2" />
        <FormField {...field("city")} label="Town or city" autoComplete="address-level2" />
        <FormField {...field("postalCode")} label="Postcode" autoComplete="postal-code" />
        <FormField {...field("country")} label="Country" autoComplete="country-name" />
      </Fieldset>

      <Fieldset legend="Tax">
        <FormField {...field("taxRate")} label="Tax rate (%)" inputMode="decimal" autoComplete="off" hint="VAT or sales tax on goods and delivery, e.g. 20." />
        <div>
          <label className="mt-6 flex items-start gap-3 text-sm">
            <Checkbox
              name="pricesIncludeTax"
              value="yes"
              defaultChecked={typed ? submitted.get("pricesIncludeTax") === "yes" : values.pricesIncludeTax === "yes"}
              className="mt-0.5"
              aria-describedby={errors.pricesIncludeTax ? "pricesIncludeTax-error" : undefined}
            />
            <span>Prices in the shop include tax (UK/EU style). Untick to add tax at checkout (US style).</span>
          </label>
          <FieldError id="pricesIncludeTax-error" errors={errors.pricesIncludeTax} />
        </div>
      </Fieldset>

      <Fieldset legend="Delivery" description={`Prices in ${currency}. Leave “free over” empty if the option is never free.`}>
        {delivery.map(({ code, title }) => (
          <div key={code} className="space-y-3 rounded-card border border-line p-4 md:col-span-2 md:grid md:grid-cols-3 md:gap-4 md:space-y-0">
            <p className="font-medium md:col-span-3">{title}</p>
            <FormField {...field(`${code}Label`)} label={`${title}: name at checkout`} autoComplete="off" />
            <FormField {...field(`${code}Amount`)} label={`${title}: price`} inputMode="decimal" autoComplete="off" />
            <FormField {...field(`${code}FreeOver`)} label={`${title}: free over`} inputMode="decimal" autoComplete="off" required={false} />
          </div>
        ))}
      </Fieldset>

      <Fieldset legend="Social profiles" description="Plain links in the footer: no widgets, so no network sees who visits the shop. Leave empty to hide one.">
        {social.map(({ network, label }) => (
          <FormField key={network} {...field(`${network}Url`)} label={label} type="url" autoComplete="url" required={false} placeholder="https://" />
        ))}
      </Fieldset>

      <Fieldset legend="Email sender" description="The From line of every email. The address must be at the domain this shop is set up to send from (EMAIL_FROM, verified with the email provider), so that emails are delivered.">
        <FormField {...field("senderName")} label="Sender name" autoComplete="off" />
        <FormField {...field("senderEmail")} label="Sender email address" type="email" autoComplete="off" />
      </Fieldset>

      <Fieldset
        legend="Newsletter link clicks"
        description="Clicks on links in your newsletters are always counted per link, never per person. You may also record which reader clicked; the privacy notice then tells shoppers so."
      >
        <div className="md:col-span-2">
          <label className="flex items-start gap-3 text-sm">
            <Checkbox
              name="individualClickTracking"
              value="yes"
              defaultChecked={typed ? submitted.get("individualClickTracking") === "yes" : values.individualClickTracking === "yes"}
              className="mt-0.5"
              aria-describedby={errors.individualClickTracking ? "individualClickTracking-error" : undefined}
            />
            <span>Record which reader clicked a newsletter link (off by default). Applies to campaigns sent while it is on.</span>
          </label>
          <FieldError id="individualClickTracking-error" errors={errors.individualClickTracking} />
        </div>
      </Fieldset>

      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
