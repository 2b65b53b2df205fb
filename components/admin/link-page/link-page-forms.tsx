"use client";

import { useState } from "react";
import { addLinkAction, moveLinkAction, removeLinkAction, saveLinkPageIntroAction } from "@/app/admin/marketing/link-page/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { Radio } from "@/components/ui/checkbox";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { MAX_INTRO_LENGTH, MAX_LABEL_LENGTH } from "@/lib/link-page/rules";

/*
 * The link page editor's forms. Each posts to its own audited action; the page re-renders
 * with the list as stored after every change, so what is shown is always the current order.
 */

export function IntroForm({ intro, readOnly }: { intro: string; readOnly: boolean }) {
  const { state, formAction, pending, errors } = useAdminAction(saveLinkPageIntroAction);
  // After a refused save React resets the form: to what was typed, not the saved text.
  const [submitted, setSubmitted] = useState<FormData | null>(null);
  const typed = state && !state.ok && submitted ? String(submitted.get("intro") ?? "") : null;
  const errorId = errors.intro?.length ? "intro-error" : undefined;
  return (
    <form
      action={(formData: FormData) => {
        setSubmitted(formData);
        formAction(formData);
      }}
      noValidate className="mt-4 space-y-3" aria-label="Introduction">
      <FormStatus state={state && !state.ok ? state : null} fields={["intro"]} />
      <div>
        <Label htmlFor="intro">Introduction</Label>
        <textarea
          id="intro"
          name="intro"
          rows={4}
          maxLength={MAX_INTRO_LENGTH}
          defaultValue={typed ?? intro}
          readOnly={readOnly}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={["intro-hint", errorId].filter(Boolean).join(" ")}
          className="mt-1 w-full rounded-lg border border-line-strong bg-surface-raised px-3 py-2 text-base text-ink placeholder:text-ink-subtle aria-invalid:border-danger md:text-sm"
        />
        <p id="intro-hint" className="text-xs text-ink-muted">
          Up to {MAX_INTRO_LENGTH} characters.
        </p>
        <FieldError id={errorId} errors={errors.intro} />
      </div>
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save introduction"}
        </Button>
      )}
    </form>
  );
}

/** Move up, move down and remove for one link; each names the link and the neighbour it was shown beside. */
export function LinkRowActions({ id, title, previousId, nextId }: { id: number; title: string; previousId: number | null; nextId: number | null }) {
  const up = useAdminAction(moveLinkAction);
  const down = useAdminAction(moveLinkAction);
  const remove = useAdminAction(removeLinkAction);
  const pending = up.pending || down.pending || remove.pending;
  const failed = [up.state, down.state, remove.state].find((s) => s && !s.ok);
  return (
    <div className="flex flex-col items-stretch gap-2 sm:items-end">
      <div className="flex flex-wrap gap-2">
        <form action={up.formAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value="up" />
          <input type="hidden" name="neighbourId" value={previousId ?? ""} />
          <Button type="submit" variant="secondary" size="sm" disabled={pending || previousId === null} aria-label={`Move “${title}” up`}>
            <span aria-hidden="true">↑</span> Up
          </Button>
        </form>
        <form action={down.formAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value="down" />
          <input type="hidden" name="neighbourId" value={nextId ?? ""} />
          <Button type="submit" variant="secondary" size="sm" disabled={pending || nextId === null} aria-label={`Move “${title}” down`}>
            <span aria-hidden="true">↓</span> Down
          </Button>
        </form>
        <form action={remove.formAction}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger-secondary" size="sm" disabled={pending} aria-label={`Remove “${title}”`}>
            Remove
          </Button>
        </form>
      </div>
      {failed && !failed.ok ? (
        <Notice tone="error" className="text-sm sm:max-w-xs">
          {failed.message}
        </Notice>
      ) : null}
    </div>
  );
}

type Choice = { id: number; title: string };
type Kind = "product" | "collection" | "newsletter" | "url";

const kinds: { value: Kind; label: string }[] = [
  { value: "product", label: "A product" },
  { value: "collection", label: "A collection" },
  { value: "newsletter", label: "The newsletter signup" },
  { value: "url", label: "Another address" },
];

export function AddLinkForm({ products, collections }: { products: Choice[]; collections: Choice[] }) {
  const [kind, setKind] = useState<Kind>("product");
  const { state, formAction, pending, errors } = useAdminAction(addLinkAction);
  // After a refused add React resets the form: to what was typed, so nothing needs typing twice.
  const [submitted, setSubmitted] = useState<FormData | null>(null);
  const typed = (name: string) => (state && !state.ok && submitted ? String(submitted.get(name) ?? "") : "");
  const selectError = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);
  const labelOptional = kind !== "url";
  return (
    <form
      action={(formData: FormData) => {
        setSubmitted(formData);
        formAction(formData);
      }}
      noValidate
      className="mt-4 space-y-4"
      aria-label="Add a link"
    >
      <FormStatus state={state && !state.ok ? state : null} fields={["kind", "productId", "collectionId", "url", "label"]} />
      <fieldset aria-describedby={selectError("kind")}>
        <legend className="text-sm font-medium">Link to</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {kinds.map((k) => (
            <label key={k.value} className="flex items-center gap-3 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50">
              {/* Uncontrolled: React resets the form after each add, and a reset must land on the kind in use. */}
              <Radio name="kind" value={k.value} defaultChecked={kind === k.value} onChange={() => setKind(k.value)} />
              {k.label}
            </label>
          ))}
        </div>
        <FieldError id="kind-error" errors={errors.kind} />
      </fieldset>

      {kind === "product" ? (
        <div>
          <Label htmlFor="productId">Product</Label>
          <Select id="productId" name="productId" defaultValue={typed("productId")} className="mt-1" aria-invalid={errors.productId ? true : undefined} aria-describedby={selectError("productId")}>
            <option value="" disabled>
              Choose a product…
            </option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
          <FieldError id="productId-error" errors={errors.productId} />
        </div>
      ) : null}

      {kind === "collection" ? (
        <div>
          <Label htmlFor="collectionId">Collection</Label>
          <Select id="collectionId" name="collectionId" defaultValue={typed("collectionId")} className="mt-1" aria-invalid={errors.collectionId ? true : undefined} aria-describedby={selectError("collectionId")}>
            <option value="" disabled>
              Choose a collection…
            </option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
          <FieldError id="collectionId-error" errors={errors.collectionId} />
        </div>
      ) : null}

      {kind === "url" ? (
        <FormField name="url" label="Address" defaultValue={typed("url")} type="text" inputMode="url" autoComplete="off" placeholder="https://" errors={errors.url} hint="A full address starting with https://, or a page of this shop starting with / (e.g. /privacy)." />
      ) : null}

      <FormField
        name="label"
        label="Label"
        defaultValue={typed("label")}
        autoComplete="off"
        required={!labelOptional}
        maxLength={MAX_LABEL_LENGTH}
        errors={errors.label}
        hint={kind === "product" || kind === "collection" ? "Leave empty to show its title." : kind === "newsletter" ? "Leave empty for “Join the newsletter”." : undefined}
      />

      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add link"}
      </Button>
    </form>
  );
}
