import type { VariantDto } from "@/db/queries/catalog";

/** The variant named in the URL, else the first one in stock, else the first one. */
export function selectVariant(variants: VariantDto[], sku: string | null): { variant: VariantDto | undefined; requestedMissing: boolean } {
  const requested = sku ? variants.find((v) => v.sku.toUpperCase() === sku.toUpperCase()) : undefined;
  if (requested) return { variant: requested, requestedMissing: false };
  return { variant: variants.find((v) => v.stock > 0) ?? variants[0], requestedMissing: sku !== null };
}

/**
 * For an option picker: the variant a shopper lands on when they pick `value` for `name`,
 * keeping their other choices where such a variant exists.
 */
export function variantForChoice(variants: VariantDto[], current: VariantDto, name: string, value: string): VariantDto | undefined {
  const wanted = { ...current.options, [name]: value };
  const exact = variants.find((v) => Object.entries(wanted).every(([k, val]) => v.options[k] === val));
  if (exact) return exact;
  const candidates = variants.filter((v) => v.options[name] === value);
  return candidates.find((v) => v.stock > 0) ?? candidates[0];
}

export function optionValues(variants: VariantDto[], name: string): string[] {
  const values: string[] = [];
  for (const v of variants) {
    const value = v.options[name];
    if (value !== undefined && !values.includes(value)) values.push(value);
  }
  return values;
}

/**
 * "Moss / M": option values in the product's own option order. (PostgreSQL's jsonb does not
 * keep key order, so the options object alone cannot say which comes first.)
 */
export function variantTitle(optionNames: string[], options: Record<string, string>): string {
  const named = optionNames.map((name) => options[name]).filter((v): v is string => v !== undefined);
  const rest = Object.keys(options)
    .filter((k) => !optionNames.includes(k))
    .sort()
    .map((k) => options[k]!);
  return [...named, ...rest].join(" / ");
}
