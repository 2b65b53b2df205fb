"use client";

import { useState, type ChangeEvent } from "react";
import { createTrackedLinkAction } from "@/app/admin/marketing/links/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { checkDestination, DEFAULT_UTM_MEDIUM, forwardUrl, isTrackedLinkSlug, shortUrl, suggestSlug, utmMediumSuggestions, utmSourceSuggestions } from "@/lib/links/tracked-links";
import { chosenPath, DestinationPicker, type DestinationChoices, type DestinationValue } from "./destination-picker";

const fields = ["destination", "destinationPath", "utmSource", "utmMedium", "utmCampaign", "utmContent", "label", "slug"];

/**
 * The UTM builder: where the link goes, the campaign labels it carries, and its slug (suggested
 * from the campaign until the marketer types one), with a live preview of the short URL and of
 * the address it forwards to. The server checks everything again.
 */
export function LinkBuilder({ origin, choices }: { origin: string; choices: DestinationChoices }) {
  const { state, formAction, pending, errors } = useAdminAction(createTrackedLinkAction);
  const [destination, setDestination] = useState<DestinationValue>({ destination: "", destinationPath: "" });
  const [utm, setUtm] = useState({ utmSource: "", utmMedium: DEFAULT_UTM_MEDIUM, utmCampaign: "", utmContent: "" });
  const [label, setLabel] = useState("");
  // null: follow the suggestion; a string: what the marketer typed.
  const [typedSlug, setTypedSlug] = useState<string | null>(null);
  const slug = typedSlug ?? suggestSlug(utm.utmCampaign, label);

  const path = chosenPath(destination);
  const checked = path ? checkDestination(path, origin) : null;
  const source = utm.utmSource.trim().toLowerCase();
  const campaign = utm.utmCampaign.trim();
  const forwardsTo =
    checked?.ok && source && campaign
      ? forwardUrl(origin, checked.path, { source, medium: utm.utmMedium.trim().toLowerCase() || DEFAULT_UTM_MEDIUM, campaign, content: utm.utmContent.trim() || null })
      : null;
  const field = (name: keyof typeof utm) => ({ value: utm[name], onChange: (event: ChangeEvent<HTMLInputElement>) => setUtm({ ...utm, [name]: event.target.value }) });

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <form action={formAction} noValidate className="max-w-2xl space-y-8" aria-label="New short link">
        <FormStatus state={state} fields={fields} />
        <section aria-labelledby="where-heading" className="space-y-3">
          <h2 id="where-heading" className="font-sans text-base font-semibold">
            Where it goes
          </h2>
          <DestinationPicker value={destination} onChange={setDestination} choices={choices} errors={errors} />
        </section>

        <section aria-labelledby="utm-heading" className="space-y-4">
          <div>
            <h2 id="utm-heading" className="font-sans text-base font-semibold">
              Campaign labels (UTM)
            </h2>
            <p className="text-sm text-ink-muted">They travel with each visit, so Channels can say what this post brought. They cannot be changed later.</p>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField name="utmSource" label="Source" autoComplete="off" spellCheck={false} list="utm-source-suggestions" hint="Where you post it: instagram, tiktok, newsletter…" errors={errors.utmSource} {...field("utmSource")} />
            <FormField name="utmMedium" label="Medium" autoComplete="off" spellCheck={false} list="utm-medium-suggestions" hint="The kind of channel; usually social." errors={errors.utmMedium} {...field("utmMedium")} />
            <FormField name="utmCampaign" label="Campaign" autoComplete="off" hint="e.g. autumn-candles" errors={errors.utmCampaign} {...field("utmCampaign")} />
            <FormField name="utmContent" label="Content" required={false} autoComplete="off" hint="Which post or placement, e.g. reel-1" errors={errors.utmContent} {...field("utmContent")} />
          </div>
          <datalist id="utm-source-suggestions">
            {utmSourceSuggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <datalist id="utm-medium-suggestions">
            {utmMediumSuggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </section>

        <section aria-labelledby="name-heading" className="space-y-4">
          <h2 id="name-heading" className="font-sans text-base font-semibold">
            Name and address
          </h2>
          <FormField
            name="label"
            label="Label"
            required={false}
            autoComplete="off"
            hint="For you and your team, e.g. “Reel of the oak candle, 3 Nov”."
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            errors={errors.label}
            className="max-w-md"
          />
          <FormField
            name="slug"
            label="Slug"
            autoComplete="off"
            spellCheck={false}
            hint="The end of the short link: lower-case letters, digits and hyphens. Suggested from the campaign; it cannot be changed later."
            value={slug}
            onChange={(event) => setTypedSlug(event.target.value)}
            errors={errors.slug}
            className="max-w-md"
          />
        </section>

        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create short link"}
        </Button>
      </form>

      <aside aria-labelledby="preview-heading" className="rounded-card border border-line bg-surface-raised p-4 text-sm lg:sticky lg:top-4">
        <h2 id="preview-heading" className="font-sans text-base font-semibold">
          Preview
        </h2>
        <dl className="mt-3 space-y-3">
          <div>
            <dt className="font-medium">Short link</dt>
            <dd className="mt-0.5 break-all font-mono text-xs" data-testid="preview-short-url">
              {slug && isTrackedLinkSlug(slug) ? shortUrl(origin, slug) : <span className="font-sans text-ink-muted">Give the link a valid slug.</span>}
            </dd>
          </div>
          <div>
            <dt className="font-medium">Forwards to</dt>
            <dd className="mt-0.5 break-all font-mono text-xs" data-testid="preview-forward-url">
              {forwardsTo ?? (
                <span className="font-sans text-ink-muted">
                  {checked && !checked.ok ? checked.message : "Choose a destination, a source and a campaign."}
                </span>
              )}
            </dd>
          </div>
        </dl>
      </aside>
    </div>
  );
}
