"use client";

import { useState } from "react";
import { createDiscountAction, updateDiscountAction } from "@/app/admin/discounts/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Radio } from "@/components/ui/checkbox";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";

export type DiscountFormValues = { code?: string; kind: "percent" | "fixed"; value: string; minSubtotal: string; usageLimit: string; startsOn: string; endsOn: string };

const fields = ["code", "kind", "value", "minSubtotal", "usageLimit", "startsOn", "endsOn"];

const empty: DiscountFormValues = { code: "", kind: "percent", value: "", minSubtotal: "", usageLimit: "", startsOn: "", endsOn: "" };

/**
 * Create (no `id`) or edit a discount code. After a refused save the form shows what was
 * typed, with every field's error beside it. A code's text is fixed once created: orders
 * carry it, so renaming would cut the code off from its uses and revenue.
 */
export function DiscountForm({ id, initial = empty, currency, uses = 0 }: { id?: number; initial?: DiscountFormValues; currency: string; uses?: number }) {
  const [submitted, setSubmitted] = useState<DiscountFormValues | null>(null);
  const { state, formAction, pending, errors } = useAdminAction(async (previous: Parameters<typeof createDiscountAction>[0], formData: FormData) => {
    const typed = Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")])) as DiscountFormValues;
    setSubmitted({ ...typed, kind: typed.kind === "fixed" ? "fixed" : "percent" });
    return (id ? updateDiscountAction : createDiscountAction)(previous, formData) as ReturnType<typeof updateDiscountAction>;
  });
  const values = state && !state.ok && submitted ? { ...submitted, code: id ? initial.code : submitted.code } : initial;
  const [kind, setKind] = useState(values.kind);

  return (
    <form action={formAction} noValidate className="max-w-xl space-y-5" aria-label={id ? `Edit ${initial.code}` : "New discount code"}>
      <FormStatus state={state} fields={fields} />
      {id ? (
        <>
          <input type="hidden" name="id" value={id} />
          <div>
            <p className="text-sm font-medium">Code</p>
            <p className="mt-1 font-mono text-lg">{initial.code}</p>
          </div>
        </>
      ) : (
        <FormField
          name="code"
          label="Code"
          autoComplete="off"
          hint="What shoppers type at checkout. Letters, numbers, hyphens and underscores; stored in capitals."
          defaultValue={values.code}
          errors={errors.code}
          className="max-w-xs"
          spellCheck={false}
        />
      )}

      <fieldset aria-describedby={errors.kind?.length ? "kind-error" : undefined}>
        <legend className="text-sm font-medium">Type</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <Radio name="kind" value="percent" defaultChecked={values.kind === "percent"} onChange={() => setKind("percent")} />
            Percentage off
          </label>
          <label className="flex items-center gap-2 text-sm">
            <Radio name="kind" value="fixed" defaultChecked={values.kind === "fixed"} onChange={() => setKind("fixed")} />
            Fixed amount off
          </label>
        </div>
        <FieldError id="kind-error" errors={errors.kind} />
      </fieldset>

      <FormField
        name="value"
        label={kind === "percent" ? "Discount (%)" : `Discount (${currency})`}
        hint={kind === "percent" ? "A whole number from 1 to 100." : `In ${currency}, like 5 or 4.50.`}
        autoComplete="off"
        inputMode="decimal"
        defaultValue={values.value}
        errors={errors.value}
        className="max-w-xs"
      />
      <FormField
        name="minSubtotal"
        label={`Minimum order (${currency})`}
        hint="The basket subtotal needed to use the code. Empty for none."
        autoComplete="off"
        inputMode="decimal"
        required={false}
        defaultValue={values.minSubtotal}
        errors={errors.minSubtotal}
        className="max-w-xs"
      />
      <FormField
        name="usageLimit"
        label="Use limit"
        hint={`How many orders may use it in total. Empty for no limit.${uses > 0 ? ` Used ${uses} ${uses === 1 ? "time" : "times"} so far, so at least ${uses}.` : ""}`}
        autoComplete="off"
        inputMode="numeric"
        required={false}
        defaultValue={values.usageLimit}
        errors={errors.usageLimit}
        className="max-w-xs"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField name="startsOn" label="First day" hint="Empty: from now." defaultValue={values.startsOn} errors={errors.startsOn} />
        <DateField name="endsOn" label="Last day" hint="Empty: no end. It works until the end of that day." defaultValue={values.endsOn} errors={errors.endsOn} />
      </div>

      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : id ? "Save changes" : "Create code"}
      </Button>
    </form>
  );
}

function DateField({ name, label, hint, defaultValue, errors }: { name: string; label: string; hint: string; defaultValue: string; errors?: string[] }) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <div>
      <Label htmlFor={name}>
        {label} <span className="font-normal text-ink-muted">(optional)</span>
      </Label>
      <p id={`${name}-hint`} className="text-xs text-ink-muted">
        {hint}
      </p>
      <Input
        id={name}
        name={name}
        type="date"
        defaultValue={defaultValue}
        className="mt-1"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, `${name}-hint`].filter(Boolean).join(" ")}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
