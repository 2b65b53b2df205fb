"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useId, useRef, useState, type ComponentProps, type FormEvent } from "react";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions";
import { slugify } from "@/lib/catalog/slug";
import { cn } from "@/lib/cn";
import { productStatusText } from "./product-words";

export type ProductFormValues = {
  id?: number;
  title: string;
  slug: string;
  summary: string;
  description: string;
  materials: string;
  care: string;
  status: "draft" | "published" | "archived";
  /** Days, as typed; empty when it is not a consumable. */
  rebuyAfterDays: string;
  collectionIds: number[];
  optionNames: string[];
  variants: { id?: number; sku: string; price: string; compareAt: string; stock: number; options: string[] }[];
};

type Action = (previous: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

const MAX_OPTIONS = 3;

/** A textarea drawn like the shop's inputs, with every error under it. */
function TextAreaField({ name, label, errors, hint, ...props }: { name: string; label: string; errors?: string[]; hint?: string } & ComponentProps<"textarea">) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div>
      <Label htmlFor={name}>
        {label} <span className="font-normal text-ink-muted">(optional)</span>
      </Label>
      {hint ? (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={4}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        className="mt-1 w-full rounded-lg border border-line-strong bg-surface-raised px-3 py-2 text-base text-ink placeholder:text-ink-subtle aria-invalid:border-danger md:text-sm"
        {...props}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

let nextRowKey = 0;
const rowKey = () => `row-${nextRowKey++}`;

/**
 * Create or edit a product. Works as a plain form; with JavaScript, variants and options can
 * be added and removed and the slug follows the title until it is edited by hand. The fields
 * keep what was typed when the save is refused (the form is submitted without React's reset).
 */
export function ProductForm({
  action,
  values,
  collections,
  currency,
  currencyDigits,
  submitLabel,
}: {
  action: Action;
  values: ProductFormValues;
  collections: { id: number; title: string }[];
  currency: string;
  currencyDigits: number;
  submitLabel: string;
}) {
  const router = useRouter();
  const { state, formAction, pending, errors } = useAdminAction(action);
  const isNew = values.id === undefined;
  const [title, setTitle] = useState(values.title);
  const [slug, setSlug] = useState(values.slug);
  const [slugEdited, setSlugEdited] = useState(!isNew);
  const [optionNames, setOptionNames] = useState<string[]>(values.optionNames);
  const [rows, setRows] = useState(() => values.variants.map((v) => ({ ...v, key: rowKey() })));
  // Saved: each row takes its id (new variants have one now) and the stock as it is now, so the
  // next save applies only what is typed after this one.
  const [seenState, setSeenState] = useState(state);
  if (state !== seenState) {
    setSeenState(state);
    const saved = state?.ok ? (state.data as { variants?: { id: number; stock: number }[] } | undefined)?.variants : undefined;
    if (saved && saved.length === rows.length) setRows((current) => current.map((row, i) => ({ ...row, id: saved[i]!.id, stock: saved[i]!.stock })));
  }
  const formRef = useRef<HTMLFormElement>(null);
  const errorSummaryId = useId();

  // Saved: fetch the page again so the heading and photos show what was saved.
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    if (state?.ok) {
      router.refresh();
    } else if (state && !state.ok) {
      formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    }
  }, [state, router]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  const amountPlaceholder = currencyDigits === 0 ? "1200" : "12.50";

  return (
    <form ref={formRef} action={formAction} onSubmit={submit} noValidate className="space-y-8" aria-describedby={errorSummaryId}>
      <div id={errorSummaryId}>
        <FormStatus state={state && !state.ok ? state : null} fields={Object.keys(errors)} />
      </div>
      {values.id !== undefined ? <input type="hidden" name="id" value={values.id} /> : null}

      <fieldset className="grid gap-4 rounded-card border border-line bg-surface-raised p-4 md:grid-cols-2 md:p-6">
        <legend className="px-1 font-medium">Product</legend>
        <FormField
          name="title"
          label="Title"
          autoComplete="off"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
          errors={errors.title}
          className="md:col-span-2"
        />
        <FormField
          name="slug"
          label="Slug"
          autoComplete="off"
          value={slug}
          onChange={(e) => {
            setSlug(e.target.value);
            setSlugEdited(true);
          }}
          errors={errors.slug}
          hint={isNew ? "The product's address: /products/<slug>. Suggested from the title." : "Changing it moves the product: the old address then shows “not found”."}
        />
        <div>
          <Label htmlFor="status">Status</Label>
          <p id="status-hint" className="text-xs text-ink-muted">
            Only published products are in the shop.
          </p>
          <Select id="status" name="status" defaultValue={values.status} className="mt-1" aria-describedby={errors.status ? "status-error status-hint" : "status-hint"} aria-invalid={errors.status ? true : undefined}>
            {(["draft", "published", "archived"] as const).map((s) => (
              <option key={s} value={s}>
                {productStatusText[s]}
              </option>
            ))}
          </Select>
          <FieldError id="status-error" errors={errors.status} />
        </div>
        <FormField name="summary" label="Summary" autoComplete="off" required={false} defaultValue={values.summary} errors={errors.summary} hint="One line under the title on product cards." className="md:col-span-2" />
        <div className="md:col-span-2">
          <TextAreaField name="description" label="Description" defaultValue={values.description} errors={errors.description} rows={6} />
        </div>
        <TextAreaField name="materials" label="Materials" defaultValue={values.materials} errors={errors.materials} />
        <TextAreaField name="care" label="Care" defaultValue={values.care} errors={errors.care} />
        <FormField
          name="rebuyAfterDays"
          label="Re-buy after (days)"
          autoComplete="off"
          inputMode="numeric"
          required={false}
          defaultValue={values.rebuyAfterDays}
          errors={errors.rebuyAfterDays}
          hint="For things people run out of (candles, coffee): a past buyer who agreed to personalised suggestions is offered it again this many days after buying it. Leave empty for everything else: it is then never suggested to someone who bought it."
          className="md:col-span-2"
        />
      </fieldset>

      <fieldset className="rounded-card border border-line bg-surface-raised p-4 md:p-6" aria-describedby={errors.collections ? "collections-error" : undefined}>
        <legend className="px-1 font-medium">Collections</legend>
        {collections.length === 0 ? <p className="text-sm text-ink-muted">There are no collections yet.</p> : null}
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {collections.map((c) => (
            <li key={c.id}>
              <label className="flex items-center gap-2 text-sm">
                <Checkbox name="collections" value={c.id} defaultChecked={values.collectionIds.includes(c.id)} />
                {c.title}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="collections-error" errors={errors.collections} />
      </fieldset>

      <fieldset className="space-y-4 rounded-card border border-line bg-surface-raised p-4 md:p-6">
        <legend className="px-1 font-medium">Options and variants</legend>
        <p className="text-sm text-ink-muted">
          Options are what a shopper chooses (Colour, Size). Each variant is one thing you stock: its SKU, price in {currency}, and how many you have.
        </p>
        <div className="flex flex-wrap items-end gap-3">
          {optionNames.map((name, j) => (
            <div key={j} className="w-44">
              <Label htmlFor={`optionNames-${j}`}>Option {j + 1} name</Label>
              <div className="mt-1 flex items-center gap-1">
                <Input
                  id={`optionNames-${j}`}
                  name="optionNames"
                  size="sm"
                  autoComplete="off"
                  value={name}
                  placeholder={j === 0 ? "Colour" : "Size"}
                  aria-invalid={errors[`optionNames.${j}`] ? true : undefined}
                  aria-describedby={errors[`optionNames.${j}`] ? `optionNames-${j}-error` : undefined}
                  onChange={(e) => setOptionNames((names) => names.map((n, k) => (k === j ? e.target.value : n)))}
                />
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove option ${name || j + 1}`}
                  onClick={() => {
                    setOptionNames((names) => names.filter((_, k) => k !== j));
                    setRows((current) => current.map((r) => ({ ...r, options: r.options.filter((_, k) => k !== j) })));
                  }}
                >
                  ×
                </Button>
              </div>
              <FieldError id={`optionNames-${j}-error`} errors={errors[`optionNames.${j}`]} />
            </div>
          ))}
          {optionNames.length < MAX_OPTIONS ? (
            <Button type="button" variant="secondary" size="sm" onClick={() => setOptionNames((names) => [...names, ""])}>
              Add option
            </Button>
          ) : null}
        </div>
        <FieldError errors={errors.optionNames} />

        <ol className="space-y-3">
          {rows.map((row, i) => {
            const field = (name: string) => `variants.${i}.${name}`;
            const err = (name: string) => errors[field(name)];
            const described = (name: string) => (err(name) ? `${field(name)}-error` : undefined);
            return (
              <li key={row.key} className="rounded-lg border border-line p-3" aria-label={`Variant ${i + 1}`}>
                {row.id !== undefined ? (
                  <>
                    <input type="hidden" name={field("id")} value={row.id} />
                    <input type="hidden" name={field("stockRead")} value={row.stock} />
                  </>
                ) : null}
                <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-[repeat(auto-fit,minmax(11rem,1fr))]">
                  {optionNames.map((name, j) => (
                    <FormField
                      key={j}
                      id={field(`options.${j}`)}
                      name={field(`options.${j}`)}
                      label={name || `Option ${j + 1}`}
                      autoComplete="off"
                      size="sm"
                      defaultValue={row.options[j] ?? ""}
                      errors={err(`options.${j}`)}
                    />
                  ))}
                  <FormField id={field("sku")} name={field("sku")} label="SKU" autoComplete="off" size="sm" defaultValue={row.sku} errors={err("sku")} />
                  <FormField
                    id={field("price")}
                    name={field("price")}
                    label={`Price (${currency})`}
                    autoComplete="off"
                    inputMode="decimal"
                    size="sm"
                    placeholder={amountPlaceholder}
                    defaultValue={row.price}
                    errors={err("price")}
                  />
                  <FormField
                    id={field("compareAt")}
                    name={field("compareAt")}
                    label={`Was (${currency})`}
                    autoComplete="off"
                    inputMode="decimal"
                    size="sm"
                    required={false}
                    defaultValue={row.compareAt}
                    errors={err("compareAt")}
                  />
                  <FormField
                    key={`stock-${row.stock}`}
                    id={field("stock")}
                    name={field("stock")}
                    label="Stock"
                    autoComplete="off"
                    inputMode="numeric"
                    size="sm"
                    defaultValue={String(row.stock)}
                    errors={err("stock")}
                  />
                </div>
                <FieldError id={described("options")} errors={err("options")} />
                <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-ink-muted">
                  {/* The save adds or takes away the difference from this, so sales made meanwhile are kept. */}
                  <span>{row.id !== undefined ? `Stock was ${row.stock} when this form was loaded or last saved.` : "New variant."}</span>
                  {rows.length > 1 ? (
                    <Button type="button" variant="quiet" size="none" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                      Remove variant {i + 1}
                      {row.sku ? ` (${row.sku})` : ""}
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <FieldError errors={errors.variants} />
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => setRows((current) => [...current, { sku: "", price: "", compareAt: "", stock: 0, options: optionNames.map(() => ""), key: rowKey() }])}
        >
          Add variant
        </Button>
      </fieldset>

      <div className={cn("sticky bottom-0 -mx-4 flex items-center gap-3 border-t border-line bg-surface px-4 py-3 md:mx-0 md:rounded-card md:border")}>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {title ? <span className="truncate text-sm text-ink-muted">{title}</span> : null}
      </div>
    </form>
  );
}
