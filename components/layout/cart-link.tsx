"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { CART_COUNT_COOKIE as COOKIE } from "@/lib/cart/cookies";

function readCount(): number {
  const match = document.cookie.split("; ").find((c) => c.startsWith(`${COOKIE}=`));
  const n = Number(match?.slice(COOKIE.length + 1));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

type CookieStoreLike = EventTarget;

/** Re-reads the count when the cookie changes (Cookie Store API), or every few seconds elsewhere. */
function subscribe(onChange: () => void) {
  const store = (globalThis as { cookieStore?: CookieStoreLike }).cookieStore;
  if (store) {
    store.addEventListener("change", onChange);
    return () => store.removeEventListener("change", onChange);
  }
  const timer = setInterval(onChange, 2000);
  return () => clearInterval(timer);
}

/**
 * The header's cart link with the item count, read from a small cookie in the browser so
 * that cached pages stay identical for every visitor.
 */
export function CartLink() {
  const count = useSyncExternalStore(subscribe, readCount, () => 0);
  return (
    <Link href="/cart" className="inline-flex items-center gap-1.5 rounded-full px-2 py-2 text-sm md:px-3 font-medium text-ink hover:bg-surface-sunken">
      Cart
      {count > 0 ? (
        <span className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-accent-600 px-1.5 text-xs text-white">
          {count}
          <span className="sr-only"> {count === 1 ? "item" : "items"}</span>
        </span>
      ) : null}
    </Link>
  );
}
