"use client";

import { useActionState } from "react";
import { addToCartAction } from "@/app/(shop)/cart/actions";
import { Button } from "@/components/ui/button";

/** Works without JavaScript (a plain form post); with it, errors show without a reload. */
export function AddToCartForm({ variantId, soldOut }: { variantId: number; soldOut: boolean }) {
  const [state, action, pending] = useActionState(addToCartAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="quantity" value="1" />
      <Button
        type="submit"
        size="lg"
        disabled={soldOut || pending}
        // Sold out reads as unavailable (grey), not as a faded "Add to cart"; the words say it too.
        variant={soldOut ? "unavailable" : "primary"}
        className="w-full md:w-auto"
      >
        {soldOut ? "Sold out" : pending ? "Adding…" : "Add to cart"}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {/* The fields here are hidden, so say what was wrong with them rather than "check the fields". */}
          {state.fieldErrors ? Object.values(state.fieldErrors).flat().join(" ") : state.message}
        </p>
      ) : null}
    </form>
  );
}
