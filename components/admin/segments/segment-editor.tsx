"use client";

import { useRef, useState } from "react";
import { createSegmentAction, updateSegmentAction } from "@/app/admin/marketing/segments/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Radio } from "@/components/ui/checkbox";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SegmentFormValues } from "@/lib/validations/segment";
import { AudienceCountPanel, useAudienceCount } from "./audience-count";
import { PURCHASE_CONSENT_NOTE, sourceLabel } from "./wording";

const fields = ["name", "topics", "sources", "otherSources", "signedUpFrom", "signedUpTo", "purchase", "purchaseDays", "purchaseCollectionId"];

export const emptySegmentValues: SegmentFormValues = {
  name: "",
  topics: [],
  sources: [],
  otherSources: "",
  signedUpFrom: "",
  signedUpTo: "",
  purchase: "none",
  purchaseDays: "90",
  purchaseCollectionId: "",
};

type Topic = { id: string; label: string };

/**
 * Create (no `id`) or edit a segment: a name and its rules, with the live count beside them.
 * After a refused save the form keeps what was typed, with each field's errors.
 */
export function SegmentEditor({
  id,
  initial = emptySegmentValues,
  topics,
  sources,
  collections,
  readOnly = false,
}: {
  id?: string;
  initial?: SegmentFormValues;
  topics: readonly Topic[];
  sources: string[];
  collections: { id: number; title: string }[];
  readOnly?: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [submitted, setSubmitted] = useState<SegmentFormValues | null>(null);
  const { state, formAction, pending, errors } = useAdminAction(async (previous: Parameters<typeof createSegmentAction>[0], formData: FormData) => {
    const text = (name: string) => String(formData.get(name) ?? "");
    setSubmitted({
      name: text("name"),
      topics: formData.getAll("topics").map(String),
      sources: formData.getAll("sources").map(String),
      otherSources: text("otherSources"),
      signedUpFrom: text("signedUpFrom"),
      signedUpTo: text("signedUpTo"),
      purchase: (text("purchase") || "none") as SegmentFormValues["purchase"],
      purchaseDays: text("purchaseDays"),
      purchaseCollectionId: text("purchaseCollectionId"),
    });
    return (id ? updateSegmentAction : createSegmentAction)(previous, formData);
  });
  const values = submitted ?? initial;
  const [purchase, setPurchase] = useState(values.purchase);
  const { state: count, recount } = useAudienceCount(formRef);
  const describe = (name: string, hint?: string) => [errors[name]?.length ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      <form
        ref={formRef}
        action={formAction}
        onChange={recount}
        noValidate
        className="max-w-2xl space-y-6"
        aria-label={id ? `Edit segment ${initial.name}` : "New segment"}
      >
        <FormStatus state={state} fields={fields} />
        {id ? <input type="hidden" name="id" value={id} /> : null}
        <fieldset disabled={readOnly} className="space-y-6">
          <FormField name="name" label="Name" autoComplete="off" hint="For you and your team, e.g. “Candle buyers, quiet lately”. Subscribers never see it." defaultValue={values.name} errors={errors.name} className="max-w-md" />

          <fieldset aria-describedby={describe("topics", "topics-hint")}>
            <legend className="text-sm font-medium">Also subscribed to</legend>
            <p id="topics-hint" className="text-xs text-ink-muted">
              Tick a topic to include only people who also receive it. None ticked: anyone subscribed to the campaign’s topic.
            </p>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {topics.map((t) => (
                <label key={t.id} className="flex items-center gap-2 text-sm">
                  <Checkbox name="topics" value={t.id} defaultChecked={values.topics.includes(t.id)} />
                  {t.label}
                </label>
              ))}
            </div>
            <FieldError id="topics-error" errors={errors.topics} />
          </fieldset>

          <fieldset aria-describedby={describe("sources", "sources-hint")}>
            <legend className="text-sm font-medium">Signed up through</legend>
            <p id="sources-hint" className="text-xs text-ink-muted">
              Where they first asked to subscribe. None ticked: any source.
            </p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {sources.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <Checkbox name="sources" value={s} defaultChecked={values.sources.includes(s)} />
                  {sourceLabel(s)}
                </label>
              ))}
            </div>
            <FieldError id="sources-error" errors={errors.sources} />
            <FormField
              name="otherSources"
              label="Other sources"
              required={false}
              autoComplete="off"
              spellCheck={false}
              hint="Sources as recorded, separated by commas, e.g. utm:instagram, utm:pinterest."
              defaultValue={values.otherSources}
              errors={errors.otherSources}
              className="mt-3 max-w-md"
            />
          </fieldset>

          <fieldset>
            <legend className="text-sm font-medium">Signed up between</legend>
            <p className="text-xs text-ink-muted">Days in the shop’s time zone; both are included. Leave either empty for no limit.</p>
            <div className="mt-2 grid max-w-md gap-4 sm:grid-cols-2">
              <div>
                <Label htmlFor="signedUpFrom">From</Label>
                <Input id="signedUpFrom" name="signedUpFrom" type="date" defaultValue={values.signedUpFrom} className="mt-1" aria-invalid={errors.signedUpFrom?.length ? true : undefined} aria-describedby={describe("signedUpFrom")} />
                <FieldError id="signedUpFrom-error" errors={errors.signedUpFrom} />
              </div>
              <div>
                <Label htmlFor="signedUpTo">To</Label>
                <Input id="signedUpTo" name="signedUpTo" type="date" defaultValue={values.signedUpTo} className="mt-1" aria-invalid={errors.signedUpTo?.length ? true : undefined} aria-describedby={describe("signedUpTo")} />
                <FieldError id="signedUpTo-error" errors={errors.signedUpTo} />
              </div>
            </div>
          </fieldset>

          <fieldset aria-describedby="purchase-note">
            <legend className="text-sm font-medium">Purchases</legend>
            <p id="purchase-note" className="mt-1 rounded-lg border border-line bg-surface-sunken p-3 text-xs text-ink">
              {PURCHASE_CONSENT_NOTE}
            </p>
            <div className="mt-3 space-y-3">
              <label className="flex items-center gap-2 text-sm">
                <Radio name="purchase" value="none" defaultChecked={values.purchase === "none"} onChange={() => setPurchase("none")} />
                Any (no purchase rule)
              </label>
              <label className="flex items-center gap-2 text-sm">
                <Radio name="purchase" value="has-ordered" defaultChecked={values.purchase === "has-ordered"} onChange={() => setPurchase("has-ordered")} />
                Has ordered at least once
              </label>
              <div>
                <label className="flex items-center gap-2 text-sm">
                  <Radio name="purchase" value="not-ordered-in-days" defaultChecked={values.purchase === "not-ordered-in-days"} onChange={() => setPurchase("not-ordered-in-days")} />
                  Has ordered, but not in the last few days
                </label>
                {purchase === "not-ordered-in-days" ? (
                  <div className="ms-6 mt-2 max-w-48">
                    <Label htmlFor="purchaseDays">Days without an order</Label>
                    <Input id="purchaseDays" name="purchaseDays" inputMode="numeric" autoComplete="off" defaultValue={values.purchaseDays} className="mt-1" aria-invalid={errors.purchaseDays?.length ? true : undefined} aria-describedby={describe("purchaseDays")} />
                    <FieldError id="purchaseDays-error" errors={errors.purchaseDays} />
                  </div>
                ) : null}
              </div>
              <div>
                <label className="flex items-center gap-2 text-sm">
                  <Radio name="purchase" value="bought-from-collection" defaultChecked={values.purchase === "bought-from-collection"} onChange={() => setPurchase("bought-from-collection")} />
                  Bought from a collection
                </label>
                {purchase === "bought-from-collection" ? (
                  <div className="ms-6 mt-2 max-w-xs">
                    <Label htmlFor="purchaseCollectionId">Collection</Label>
                    <Select id="purchaseCollectionId" name="purchaseCollectionId" defaultValue={values.purchaseCollectionId} className="mt-1" aria-invalid={errors.purchaseCollectionId?.length ? true : undefined} aria-describedby={describe("purchaseCollectionId")}>
                      <option value="">Choose a collection</option>
                      {collections.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.title}
                        </option>
                      ))}
                    </Select>
                    <FieldError id="purchaseCollectionId-error" errors={errors.purchaseCollectionId} />
                  </div>
                ) : null}
              </div>
            </div>
            <FieldError errors={errors.purchase} />
          </fieldset>
        </fieldset>
        {readOnly ? null : (
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : id ? "Save segment" : "Create segment"}
          </Button>
        )}
      </form>
      <aside aria-label="Audience" className="lg:sticky lg:top-4">
        <AudienceCountPanel state={count} />
      </aside>
    </div>
  );
}
