"use client";

import { FieldError, FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { OTHER_DESTINATION } from "@/lib/links/tracked-links";

export type DestinationChoices = { products: { slug: string; title: string }[]; collections: { slug: string; title: string }[] };
export type DestinationValue = { destination: string; destinationPath: string };

/** The fixed pages a link can point at, besides products and collections. */
const pages = [
  { path: "/", label: "Home page" },
  { path: "/links", label: "Link-in-bio page (/links)" },
];

/** The picker's value for a stored destination: a listed page if it is one, else "other" with the path typed in. */
export function destinationValueFor(path: string, choices: DestinationChoices): DestinationValue {
  const listed = pages.some((p) => p.path === path) || choices.products.some((p) => `/products/${p.slug}` === path) || choices.collections.some((c) => `/collections/${c.slug}` === path);
  return listed ? { destination: path, destinationPath: "" } : { destination: OTHER_DESTINATION, destinationPath: path };
}

/** The path the picker currently names ("" when nothing is chosen yet). */
export function chosenPath(value: DestinationValue): string {
  return value.destination === OTHER_DESTINATION ? value.destinationPath.trim() : value.destination;
}

/**
 * Where a short link goes: a page, collection or product of this shop, or a path typed in
 * (still on the shop: the server refuses anything else).
 */
export function DestinationPicker({
  value,
  onChange,
  choices,
  errors,
  disabled,
}: {
  value: DestinationValue;
  onChange: (value: DestinationValue) => void;
  choices: DestinationChoices;
  errors: Record<string, string[] | undefined>;
  disabled?: boolean;
}) {
  const other = value.destination === OTHER_DESTINATION;
  return (
    <div className="space-y-3">
      <div>
        <Label htmlFor="destination">Destination</Label>
        <p id="destination-hint" className="text-xs text-ink-muted">
          A page of this shop. Short links never go to another site.
        </p>
        <Select
          id="destination"
          name="destination"
          value={value.destination}
          onChange={(event) => onChange({ ...value, destination: event.target.value })}
          disabled={disabled}
          className="mt-1 max-w-md"
          aria-invalid={errors.destination?.length ? true : undefined}
          aria-describedby={[errors.destination?.length ? "destination-error" : null, "destination-hint"].filter(Boolean).join(" ")}
        >
          <option value="">Choose a page…</option>
          <optgroup label="Pages">
            {pages.map((p) => (
              <option key={p.path} value={p.path}>
                {p.label}
              </option>
            ))}
            <option value={OTHER_DESTINATION}>Another page of the shop (type its path)…</option>
          </optgroup>
          {choices.collections.length ? (
            <optgroup label="Collections">
              {choices.collections.map((c) => (
                <option key={c.slug} value={`/collections/${c.slug}`}>
                  {c.title}
                </option>
              ))}
            </optgroup>
          ) : null}
          {choices.products.length ? (
            <optgroup label="Products">
              {choices.products.map((p) => (
                <option key={p.slug} value={`/products/${p.slug}`}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
        <FieldError id="destination-error" errors={errors.destination} />
      </div>
      {other ? (
        <FormField
          name="destinationPath"
          label="Path on the shop"
          autoComplete="off"
          spellCheck={false}
          placeholder="/collections/candles?colour=amber"
          hint="Starts with /. A full address of this shop works too; it is kept as its path."
          value={value.destinationPath}
          onChange={(event) => onChange({ ...value, destinationPath: event.target.value })}
          errors={errors.destinationPath}
          disabled={disabled}
          className="max-w-md"
        />
      ) : null}
    </div>
  );
}
