"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { removeCartItemAction, updateCartItemAction } from "@/app/(shop)/cart/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { CartLineDto } from "@/db/queries/cart";
import { MAX_LINE_QUANTITY } from "@/lib/cart/limits";
import { formatMoney } from "@/lib/money";

const problems = {
  sold_out: "Sold out since you added it. Remove it to check out.",
  unavailable: "No longer sold. Remove it to check out.",
  not_enough_stock: "Fewer left than you asked for. Lower the quantity to check out.",
} as const;

/**
 * One cart line. Changing the quantity updates the line total at once (optimistically) and
 * then on the server; without JavaScript the Update and Remove buttons post the same forms.
 */
export function CartLine({ line }: { line: CartLineDto }) {
  const [updateState, updateAction] = useActionState(updateCartItemAction, null);
  const [removeState, removeAction, removing] = useActionState(removeCartItemAction, null);
  // Shown at once when the shopper picks a quantity; the cart page keys each line by its
  // saved quantity, so the server's answer replaces this state when it arrives.
  const [quantity, setQuantity] = useState(line.quantity);
  const max = Math.max(line.quantity, Math.min(MAX_LINE_QUANTITY, Math.max(line.stock, 1)));
  const error = (updateState && !updateState.ok && (updateState.fieldErrors?.quantity?.[0] ?? updateState.message)) || (removeState && !removeState.ok && removeState.message);
  const note = updateState?.ok ? updateState.data.message : undefined;
  const label = `${line.productTitle}${line.variantTitle ? `, ${line.variantTitle}` : ""}`;

  return (
    <li className={`flex gap-4 py-5 ${removing ? "opacity-50" : ""}`} aria-label={label}>
      <div className="h-28 w-22 shrink-0 overflow-hidden rounded-lg bg-surface-sunken">
        {line.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small thumbnail through the image optimiser's own URL
          <img src={`/_next/image?url=${encodeURIComponent(line.image.src)}&w=192&q=75`} alt="" width={88} height={112} className="h-full w-full object-cover" />
        ) : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <Link href={`/products/${line.productSlug}?variant=${encodeURIComponent(line.sku)}`} className="font-medium hover:underline">
            {line.productTitle}
          </Link>
          <span className="font-medium" data-testid="line-total">
            {formatMoney({ amount: line.unitPrice * quantity, currency: line.currency })}
          </span>
        </div>
        {line.variantTitle ? <p className="text-sm text-ink-muted">{line.variantTitle}</p> : null}
        <p className="text-sm text-ink-muted">{formatMoney({ amount: line.unitPrice, currency: line.currency })} each</p>
        {line.problem ? (
          <p className="text-sm font-medium text-danger" data-problem={line.problem}>
            <span aria-hidden="true">⚠ </span>
            {problems[line.problem]}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <form
            action={updateAction}
            className="flex items-center gap-2"
            onChange={(event) => {
              const form = event.currentTarget;
              setQuantity(Number(new FormData(form).get("quantity")));
              form.requestSubmit();
            }}
          >
            <input type="hidden" name="variantId" value={line.variantId} />
            <label htmlFor={`qty-${line.variantId}`} className="text-sm">
              Quantity
            </label>
            <Select id={`qty-${line.variantId}`} name="quantity" size="sm" defaultValue={line.quantity}>
              {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
            <noscript>
              <Button type="submit" variant="secondary" size="sm">
                Update
              </Button>
            </noscript>
          </form>
          <form action={removeAction}>
            <input type="hidden" name="variantId" value={line.variantId} />
            <Button type="submit" variant="quiet" size="none" aria-label={`Remove ${label}`}>
              Remove
            </Button>
          </form>
        </div>
        {error ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {error}
          </p>
        ) : note ? (
          <p role="status" className="text-sm text-ink-muted">
            {note}
          </p>
        ) : null}
      </div>
    </li>
  );
}
