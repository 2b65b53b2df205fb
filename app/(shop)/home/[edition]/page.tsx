import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ProductGrid } from "@/components/shop/product-card";
import { ButtonLink } from "@/components/ui/button";
import { Picture } from "@/components/ui/picture";
import { getCachedCollections, getCachedFeaturedProducts } from "@/lib/catalog/cached";
import { HOME_EDITION, PLACEHOLDER_SLUG } from "@/lib/catalog/route-segments";
import { shopConfig } from "@/lib/shop-config";

/*
 * The home page. proxy.ts rewrites "/" here, so like product and collection pages it is
 * rendered on its first request (the build needs no database) and then served from the cache
 * until the featured products or collections change.
 */
type Params = { edition: string };

export function generateStaticParams(): Params[] {
  return [{ edition: PLACEHOLDER_SLUG }];
}

export default async function HomePage({ params }: { params: Promise<Params> }) {
  if ((await params).edition !== HOME_EDITION) notFound();
  return (
    <>
      <section className="container-page grid items-center gap-8 py-10 md:grid-cols-2 md:py-16">
        <div>
          <p className="text-sm font-medium uppercase tracking-widest text-accent-700">Made in small batches</p>
          <h1 className="mt-3 text-4xl leading-tight md:text-[length:var(--text-display)]">
            Things for slow mornings and long evenings.
          </h1>
          <p className="mt-4 max-w-prose text-ink-muted md:text-lg">{shopConfig.description}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href="/collections/candles" size="lg">
              Shop candles
            </ButtonLink>
            <ButtonLink href="/collections/knitwear" variant="secondary" size="lg">
              New knitwear
            </ButtonLink>
          </div>
        </div>
        <div className="relative aspect-[4/3] overflow-hidden rounded-card bg-surface-sunken md:aspect-[5/4]">
          <Picture
            src="/images/generated/smoked-oak-candle-2.webp"
            alt="A three-wick candle in a dark stoneware bowl"
            width={1200}
            height={1500}
            eager
            sizes="(min-width: 768px) 50vw, 100vw"
            className="h-full w-full object-cover"
          />
        </div>
      </section>

      <Suspense fallback={<GridSkeleton title="Workshop favourites" />}>
        <FeaturedSection />
      </Suspense>

      <Suspense fallback={<GridSkeleton title="Shop by collection" />}>
        <CollectionsSection />
      </Suspense>

      <section className="container-page mt-20">
        <div className="grid gap-6 rounded-card border border-line bg-surface-raised p-6 md:grid-cols-3 md:p-10">
          <div>
            <h2 className="text-xl">Bought here, kept here</h2>
            <p className="mt-2 text-sm text-ink-muted">
              Your orders and account live on our own shop, not inside a social app. If a platform goes down, we are still here.
            </p>
          </div>
          <div>
            <h2 className="text-xl">No trackers</h2>
            <p className="mt-2 text-sm text-ink-muted">
              This site loads nothing from other companies: no ad pixels, no analytics scripts, no social widgets.
            </p>
          </div>
          <div>
            <h2 className="text-xl">Your data, your call</h2>
            <p className="mt-2 text-sm text-ink-muted">
              We only ask for what an order needs. Read exactly what we keep and why in our{" "}
              <Link href="/privacy" className="underline underline-offset-4">
                privacy notice
              </Link>
              .
            </p>
          </div>
        </div>
      </section>
    </>
  );
}

async function FeaturedSection() {
  const { featured, newest } = await getCachedFeaturedProducts();
  return (
    <>
      <section className="container-page mt-12" aria-labelledby="featured-heading">
        <div className="flex items-end justify-between gap-4">
          <h2 id="featured-heading" className="text-2xl md:text-3xl">
            Workshop favourites
          </h2>
        </div>
        <div className="mt-6">
          <ProductGrid products={featured} />
        </div>
      </section>
      {newest.length > 0 ? (
        <section className="container-page mt-16" aria-labelledby="newest-heading">
          <h2 id="newest-heading" className="text-2xl md:text-3xl">
            Just out of the kiln (and off the needles)
          </h2>
          <div className="mt-6">
            <ProductGrid products={newest} />
          </div>
        </section>
      ) : null}
    </>
  );
}

async function CollectionsSection() {
  const collections = await getCachedCollections();
  return (
    <section className="container-page mt-16" aria-labelledby="collections-heading">
      <h2 id="collections-heading" className="text-2xl md:text-3xl">
        Shop by collection
      </h2>
      <ul className="mt-6 grid grid-cols-2 gap-4 md:grid-cols-3">
        {collections.map((c) => (
          <li key={c.slug}>
            <Link href={`/collections/${c.slug}`} className="group block">
              <div className="relative aspect-[4/3] overflow-hidden rounded-card bg-surface-sunken">
                {c.image ? (
                  <Picture
                    src={c.image.src}
                    alt=""
                    width={c.image.width}
                    height={c.image.height}
                    sizes="(min-width: 768px) 33vw, 50vw"
                    className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.02]"
                  />
                ) : null}
              </div>
              <p className="mt-2 font-medium">{c.title}</p>
              <p className="text-sm text-ink-muted">
                {c.productCount} {c.productCount === 1 ? "product" : "products"}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function GridSkeleton({ title }: { title: string }) {
  return (
    <section className="container-page mt-12" aria-busy="true">
      <h2 className="text-2xl md:text-3xl">{title}</h2>
      <ul className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <li key={i} className="aspect-[4/5] animate-pulse rounded-card bg-surface-sunken" />
        ))}
      </ul>
    </section>
  );
}
