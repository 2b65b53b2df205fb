import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Pagination } from "@/components/shop/pagination";
import { ProductGrid } from "@/components/shop/product-card";
import { searchProducts } from "@/db/queries/catalog";
import { MAX_PAGE, parsePositiveInt } from "@/lib/catalog/listing-params";
import { MAX_QUERY_LENGTH, sanitizeSearchQuery } from "@/lib/catalog/search-query";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = {
  title: "Search",
  // Result pages are thin and endless; keep them out of search engines.
  robots: { index: false, follow: true },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="container-page py-8 md:py-12">
      <h1 className="text-3xl md:text-4xl">Search</h1>
      <Suspense fallback={<SearchForm defaultValue="" />}>
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

function SearchForm({ defaultValue }: { defaultValue: string }) {
  return (
    <form action="/search" role="search" className="mt-6 flex max-w-xl gap-2">
      <label htmlFor="search-q" className="sr-only">
        Search products
      </label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Try “linen shirt” or “candle”"
        className="h-12 flex-1 rounded-full border border-line-strong bg-surface-raised px-5 text-base"
      />
      <button type="submit" className="h-12 rounded-full bg-accent-600 px-6 text-sm font-medium text-white hover:bg-accent-700">
        Search
      </button>
    </form>
  );
}

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

async function SearchResults({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const query = sanitizeSearchQuery(first(params.q) ?? "");
  const page = Math.max(1, parsePositiveInt(first(params.page), MAX_PAGE) ?? 1);

  if (!query) {
    return (
      <>
        <SearchForm defaultValue="" />
        <div className="mt-10">
          <p className="text-ink-muted">Search by product, material or scent — or start from a collection:</p>
          <ul className="mt-4 flex flex-wrap gap-2">
            {shopConfig.navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-flex h-10 items-center rounded-full border border-line-strong px-4 text-sm hover:border-ink">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </>
    );
  }

  const results = await searchProducts(query, page);
  return (
    <>
      <SearchForm defaultValue={query} />
      <p className="mt-6 text-sm text-ink-muted" role="status">
        {results.total === 0
          ? `No products match “${query}”.`
          : `${results.total} ${results.total === 1 ? "result" : "results"} for “${query}”`}
      </p>
      {results.items.length > 0 ? (
        <div className="mt-6">
          <ProductGrid products={results.items} priorityCount={2} />
          <Pagination
            page={page}
            pageCount={results.pageCount}
            hrefFor={(p) => `/search?${new URLSearchParams({ q: query, ...(p > 1 ? { page: String(p) } : {}) })}`}
          />
        </div>
      ) : (
        <div className="mt-6 rounded-card border border-dashed border-line-strong p-8">
          <p className="font-medium">{results.total > 0 ? "This page is past the last result." : "Nothing found."}</p>
          <p className="mt-2 text-sm text-ink-muted">
            Check the spelling, try a broader word such as “mug” or “wool”, or browse a collection:
          </p>
          <ul className="mt-4 flex flex-wrap gap-2">
            {shopConfig.navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-flex h-10 items-center rounded-full border border-line-strong px-4 text-sm hover:border-ink">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
