import Link from "next/link";
import type { VariantDto } from "@/db/queries/catalog";
import { cn } from "@/lib/cn";
import { optionValues, variantForChoice } from "@/lib/catalog/variants";

/**
 * Each option value is a link to the product URL with ?variant=<SKU>, so the choice lives in
 * the URL, works without JavaScript, and can be shared.
 */
export function VariantPicker({
  productSlug,
  optionNames,
  variants,
  selected,
}: {
  productSlug: string;
  optionNames: string[];
  variants: VariantDto[];
  selected: VariantDto;
}) {
  if (optionNames.length === 0 || variants.length <= 1) return null;
  return (
    <div className="space-y-5">
      {optionNames.map((name) => (
        <fieldset key={name}>
          <legend className="text-sm font-medium">
            {name}: <span className="font-normal text-ink-muted">{selected.options[name]}</span>
          </legend>
          <ul className="mt-2 flex flex-wrap gap-2">
            {optionValues(variants, name).map((value) => {
              const target = variantForChoice(variants, selected, name, value);
              const isSelected = selected.options[name] === value;
              const soldOut = (target?.stock ?? 0) <= 0;
              return (
                <li key={value}>
                  <Link
                    href={`/products/${productSlug}?variant=${encodeURIComponent(target?.sku ?? "")}`}
                    scroll={false}
                    replace
                    aria-current={isSelected ? "true" : undefined}
                    aria-label={`${name} ${value}${soldOut ? ", sold out" : ""}`}
                    className={cn(
                      "inline-flex h-10 min-w-12 items-center justify-center rounded-full border px-4 text-sm",
                      isSelected ? "border-ink bg-ink text-white" : "border-line-strong bg-surface-raised hover:border-ink",
                      soldOut && !isSelected && "text-ink-subtle line-through",
                    )}
                  >
                    {value}
                  </Link>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
