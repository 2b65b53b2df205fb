import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CollectionLinks } from "@/components/shop/collection-links";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/shop/pagination";
import { ProductGrid } from "@/components/shop/product-card";
import { getCachedSearchResults } from "@/lib/catalog/cached";
import { EMPTY_SEARCH_SEGMENT, searchStateFromSegment } from "@/lib/catalog/route-segments";
import { MAX_QUERY_LENGTH } from "@/lib/catalog/search-query";

export const metadata: Metadata = {
  title: "Search",
  // Result pages are thin and endless; keep them out of search engines.
  robots: { index: false, follow: true },
};

type Params = { query: string };

// proxy.ts rewrites /search?q=… to /search/<segment>; results for a query are rendered once
// and then served from the cache (in memory, LRU) until the catalogue changes.
export function generateStaticParams(): Params[] {
  return [{ query: EMPTY_SEARCH_SEGMENT }];
}

export default async function SearchPage({ params }: { params: Promise<Params> }) {
  const state = searchStateFromSegment((await params).query);
  if (!state) notFound();
  return (
    <div className="container-page py-8 md:py-12">
      <h1 className="text-3xl md:text-4xl">Search</h1>
      <SearchResults query={state.q} page={state.page} />
    </div>
  );
}

function SearchForm({ defaultValue }: { defaultValue: string }) {
  return (
    <form action="/search" role="search" className="mt-6 flex max-w-xl gap-2">
      <label htmlFor="search-q" className="sr-only">
        Search products
      </label>
      <Input
        id="search-q"
        name="q"
        type="search"
        size="lg"
        shape="pill"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Try “linen shirt” or “candle”"
        className="flex-1"
      />
      <Button type="submit" size="lg">
        Search
      </Button>
    </form>
  );
}

async function SearchResults({ query, page }: { query: string; page: number }) {
  if (!query) {
    return (
      <>
        <SearchForm defaultValue="" />
        <div className="mt-10">
          <p className="text-ink-muted">Search by product, material or scent — or start from a collection:</p>
          <CollectionLinks />
        </div>
      </>
    );
  }

  const results = await getCachedSearchResults(query, page);
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
          <CollectionLinks />
        </div>
      )}
    </>
  );
}
