"use client";

import { useActionState } from "react";
import { addToCartAction } from "@/app/(shop)/cart/actions";

/** Works without JavaScript (a plain form post); with it, errors show without a reload. */
export function AddToCartForm({ variantId, soldOut }: { variantId: number; soldOut: boolean }) {
  const [state, action, pending] = useActionState(addToCartAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="quantity" value="1" />
      <button
        type="submit"
        disabled={soldOut || pending}
        className="h-12 w-full rounded-full bg-accent-600 px-7 text-base font-medium text-white hover:bg-accent-700 disabled:cursor-not-allowed disabled:bg-line-strong disabled:text-ink-muted md:w-auto"
      >
        {soldOut ? "Sold out" : pending ? "Adding…" : "Add to cart"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {/* The fields here are hidden, so say what was wrong with them rather than "check the fields". */}
          {state.fieldErrors ? Object.values(state.fieldErrors).flat().join(" ") : state.message}
        </p>
      ) : null}
    </form>
  );
}
