import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { FacetDto } from "@/db/queries/catalog";
import { isFiltered, listingHref, listingStateToQuery, sortOptions, toggleOptionValue, type ListingState } from "@/lib/catalog/listing-params";
import { formatMoney } from "@/lib/money";
import { ListingFilterForm } from "./listing-filter-form";

export function CollectionFilters({
  basePath,
  state,
  facets,
  priceBounds,
}: {
  basePath: string;
  state: ListingState;
  facets: FacetDto[];
  priceBounds: { min: number; max: number; currency: string } | null;
}) {
  return (
    <details className="group rounded-card border border-line bg-surface-raised md:border-0 md:bg-transparent md:[&::details-content]:[content-visibility:visible] md:[&::details-content]:block">
      <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 text-sm font-medium md:hidden">
        <span>Filter and sort</span>
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      {/* Keyed by the URL state so the checkboxes reset when a link (e.g. "Clear filters") changes it. */}
      <ListingFilterForm key={listingStateToQuery(state)} action={basePath} className="space-y-6 px-4 pb-4 md:px-0" aria-label="Filter and sort products">
        <div>
          <Label htmlFor="sort" className="font-semibold">
            Sort by
          </Label>
          <Select id="sort" name="sort" size="sm" defaultValue={state.sort} className="mt-2">
            {sortOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>

        <fieldset>
          <legend className="text-sm font-semibold">Availability</legend>
          <label className="mt-2 flex items-center gap-2 text-sm">
            <Checkbox name="available" value="1" defaultChecked={state.available} />
            In stock only
          </label>
        </fieldset>

        <fieldset>
          <legend className="text-sm font-semibold">Price</legend>
          {priceBounds ? (
            <p className="mt-1 text-xs text-ink-muted">
              {formatMoney({ amount: priceBounds.min, currency: priceBounds.currency })} to{" "}
              {formatMoney({ amount: priceBounds.max, currency: priceBounds.currency })} in this collection
            </p>
          ) : null}
          <div className="mt-2 flex items-center gap-2">
            <label className="flex-1 text-xs text-ink-muted">
              Min (£)
              <Input type="number" name="min" min={0} step={1} inputMode="numeric" size="sm" defaultValue={state.min ?? ""} className="mt-1" />
            </label>
            <label className="flex-1 text-xs text-ink-muted">
              Max (£)
              <Input type="number" name="max" min={0} step={1} inputMode="numeric" size="sm" defaultValue={state.max ?? ""} className="mt-1" />
            </label>
          </div>
        </fieldset>

        {facets.map((facet) => (
          <fieldset key={facet.key}>
            <legend className="text-sm font-semibold">{facet.name}</legend>
            <ul className="mt-2 space-y-1.5">
              {facet.values.map((v) => (
                <li key={v.value}>
                  <label className="flex items-center gap-2 text-sm">
                    <Checkbox name={facet.key} value={v.value} defaultChecked={state.options[facet.key]?.includes(v.value) ?? false} />
                    <span>{v.value}</span>
                    <span className="text-ink-subtle">({v.count})</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}

        <Button type="submit">Apply</Button>
      </ListingFilterForm>
    </details>
  );
}

/** The filters in force, each removable on its own, shown above the results on every screen size. */
export function ActiveFilters({ basePath, state }: { basePath: string; state: ListingState }) {
  if (!isFiltered(state)) return null;
  const chips: { label: string; href: string }[] = [];
  const base = { ...state, page: 1 };
  if (state.available) chips.push({ label: "In stock only", href: listingHref(basePath, { ...base, available: false }) });
  if (state.min !== null) chips.push({ label: `From £${state.min}`, href: listingHref(basePath, { ...base, min: null }) });
  if (state.max !== null) chips.push({ label: `Up to £${state.max}`, href: listingHref(basePath, { ...base, max: null }) });
  for (const [key, values] of Object.entries(state.options)) {
    for (const value of values) chips.push({ label: value, href: listingHref(basePath, toggleOptionValue(state, key, value)) });
  }
  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {chips.map((chip) => (
        <Link
          key={chip.href}
          href={chip.href}
          scroll={false}
          aria-label={`Remove filter: ${chip.label}`}
          className="inline-flex h-8 items-center gap-1.5 rounded-full border border-line-strong bg-surface-raised px-3 text-sm hover:border-ink"
        >
          {chip.label}
          <span aria-hidden="true">×</span>
        </Link>
      ))}
      <Link
        href={listingHref(basePath, { ...base, available: false, min: null, max: null, options: {} })}
        scroll={false}
        className="ms-1 text-sm underline underline-offset-4"
      >
        Clear filters
      </Link>
    </div>
  );
}
