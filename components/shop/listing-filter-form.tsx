"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type ComponentProps } from "react";
import { listingHref, parseListingState } from "@/lib/catalog/listing-params";

/**
 * The collection filter form. Without JavaScript it is a plain GET form with a submit button.
 * With JavaScript it applies a change at once and navigates to the canonical URL for the new
 * state (no empty "min=&max=" parameters), keeping the scroll position.
 */
export function ListingFilterForm({ action, children, ...props }: Omit<ComponentProps<"form">, "action"> & { action: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);

  // Next keeps a visited page mounted while hidden for back/forward navigation; when it is
  // shown again, put the controls back to what its URL says instead of what was last clicked.
  useEffect(() => {
    formRef.current?.reset();
  }, []);

  return (
    <form
      {...props}
      ref={formRef}
      action={action}
      method="get"
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement;
        // Typing a price should not reload the list on every keystroke; Enter or Apply does.
        if (target.type === "number") return;
        event.currentTarget.requestSubmit();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams();
        for (const [key, value] of data) if (typeof value === "string" && value !== "") params.append(key, value);
        router.push(listingHref(action, parseListingState(params)), { scroll: false });
      }}
    >
      {children}
    </form>
  );
}
