import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/shop/breadcrumbs";
import { ActiveFilters, CollectionFilters } from "@/components/shop/collection-filters";
import { Pagination } from "@/components/shop/pagination";
import { ProductGrid } from "@/components/shop/product-card";
import { getCachedCollection, getCachedCollectionListing } from "@/lib/catalog/cached";
import { listingHref, isFiltered, listingStateToQuery } from "@/lib/catalog/listing-params";
import { DEFAULT_SEGMENT, listingStateFromSegment, PLACEHOLDER_SLUG } from "@/lib/catalog/route-segments";
import { isValidSlug } from "@/lib/catalog/slug";
import { shopConfig } from "@/lib/shop-config";

type Params = { slug: string; state: string };

// Pages are rendered on first request and then served from the cache (see proxy.ts).
export function generateStaticParams(): Params[] {
  return [{ slug: PLACEHOLDER_SLUG, state: DEFAULT_SEGMENT }];
}

async function load(params: Promise<Params>) {
  const { slug, state: segment } = await params;
  if (slug === PLACEHOLDER_SLUG || !isValidSlug(slug)) return null;
  const state = listingStateFromSegment(segment);
  if (!state) return null;
  const collection = await getCachedCollection(slug);
  if (!collection) return null;
  return { collection, state };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return { title: "Collection not found" };
  const { collection, state } = loaded;
  const query = listingStateToQuery({ ...state, page: 1 });
  return {
    title: state.page > 1 ? `${collection.title} — page ${state.page}` : collection.title,
    description: collection.description,
    alternates: { canonical: listingHref(`/collections/${collection.slug}`, { ...state }) },
    // Filtered variations are useful to shoppers but are not separate pages for search engines.
    robots: query && isFiltered(state) ? { index: false, follow: true } : undefined,
    openGraph: { title: collection.title, description: collection.description, url: `/collections/${collection.slug}` },
  };
}

export default async function CollectionPage({ params }: { params: Promise<Params> }) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { collection, state } = loaded;
  const listing = await getCachedCollectionListing(collection.slug, collection.id, state);
  const basePath = `/collections/${collection.slug}`;
  const first = listing.total === 0 ? 0 : (state.page - 1) * shopConfig.pageSize + 1;
  const last = Math.min(listing.total, state.page * shopConfig.pageSize);

  return (
    <div className="container-page py-8 md:py-12">
      <Breadcrumbs trail={[]} current={collection.title} />
      <header className="mt-4 max-w-2xl">
        <h1 className="text-3xl md:text-4xl">{collection.title}</h1>
        <p className="mt-3 text-ink-muted">{collection.description}</p>
      </header>

      <div className="mt-8 grid gap-8 md:grid-cols-[14rem_1fr]">
        <aside aria-label="Filters">
          <CollectionFilters basePath={basePath} state={state} facets={listing.facets} priceBounds={listing.priceBounds} />
        </aside>
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="sr-only">
            Products
          </h2>
          <ActiveFilters basePath={basePath} state={state} />
          <p className="mb-4 text-sm text-ink-muted" role="status">
            {listing.total === 0
              ? "No products match these filters."
              : `Showing ${first}–${last} of ${listing.total} ${listing.total === 1 ? "product" : "products"}`}
          </p>
          {listing.items.length > 0 ? (
            <ProductGrid products={listing.items} priorityCount={2} />
          ) : (
            <div className="rounded-card border border-dashed border-line-strong p-8 text-center">
              <p className="font-medium">
                {state.page > 1 && listing.total > 0 ? "This page is past the end of the list." : "Nothing here with those filters."}
              </p>
              <p className="mt-2 text-sm text-ink-muted">
                <Link
                  href={state.page > 1 && listing.total > 0 ? listingHref(basePath, state, { page: 1 }) : basePath}
                  className="underline underline-offset-4"
                >
                  {state.page > 1 && listing.total > 0 ? "Go to the first page" : `See all ${collection.title.toLowerCase()}`}
                </Link>
              </p>
            </div>
          )}
          <Pagination page={state.page} pageCount={listing.pageCount} hrefFor={(page) => listingHref(basePath, state, { page })} />
        </section>
      </div>
    </div>
  );
}
