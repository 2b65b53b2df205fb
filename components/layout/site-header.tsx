import { Suspense } from "react";
import Link from "next/link";
import { Input } from "@/components/ui/input";
import { shopConfig } from "@/lib/shop-config";
import { CartLink } from "./cart-link";
import { ShopName } from "./shop-details";

export function SiteHeader() {
  return (
    <header className="border-b border-line bg-surface/95">
      <div className="container-page flex h-16 items-center gap-2 md:gap-4">
        <Link href="/" className="shrink-0 font-serif text-xl font-semibold tracking-tight whitespace-nowrap text-ink md:text-2xl">
          <Suspense fallback={shopConfig.name}>
            <ShopName />
          </Suspense>
        </Link>
        <form action="/search" role="search" className="ms-auto hidden md:block">
          <label htmlFor="header-search" className="sr-only">
            Search the shop
          </label>
          <Input
            id="header-search"
            name="q"
            type="search"
            size="sm"
            shape="pill"
            placeholder="Search candles, linen, coffee…"
            maxLength={100}
            className="w-64 lg:w-80"
          />
        </form>
        <nav aria-label="Shop tools" className="ms-auto flex items-center md:ms-2 md:gap-1">
          <Link href="/search" className="rounded-full px-2 py-2 text-sm font-medium text-ink hover:bg-surface-sunken md:hidden">
            Search
          </Link>
          <Link href="/account" className="rounded-full px-2 py-2 text-sm font-medium text-ink hover:bg-surface-sunken md:px-3">
            Account
          </Link>
          <CartLink />
        </nav>
      </div>
      <nav aria-label="Collections" className="border-t border-line">
        <ul className="container-page flex gap-1 overflow-x-auto py-2 text-sm [scrollbar-width:none] md:gap-4">
          {shopConfig.navigation.map((item) => (
            <li key={item.href} className="shrink-0">
              <Link href={item.href} className="inline-block rounded-full px-3 py-1.5 text-ink-muted hover:bg-surface-sunken hover:text-ink">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
