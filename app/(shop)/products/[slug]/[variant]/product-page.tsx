import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AddToCartForm } from "@/components/shop/add-to-cart-form";
import { BackInStockForm } from "@/components/shop/back-in-stock-form";
import { Breadcrumbs } from "@/components/shop/breadcrumbs";
import { Price } from "@/components/shop/price";
import { ProductGallery } from "@/components/shop/product-gallery";
import { PopularRecommendations, Recommendations } from "@/components/shop/recommendations";
import { StockBadge } from "@/components/shop/stock-badge";
import { VariantPicker } from "@/components/shop/variant-picker";
import { getCachedProduct } from "@/lib/catalog/cached";
import { DEFAULT_VARIANT_SEGMENT, PLACEHOLDER_SLUG } from "@/lib/catalog/route-segments";
import { shareLinks } from "@/lib/catalog/share-links";
import { isValidSlug } from "@/lib/catalog/slug";
import { selectVariant } from "@/lib/catalog/variants";
import { siteUrl } from "@/lib/env";
import { minorUnitDigits } from "@/lib/money";
import { getCachedShopSettings } from "@/lib/settings/cached";
import { priceNote } from "@/lib/settings/price-note";
import { shopConfig } from "@/lib/shop-config";
import { Notice } from "@/components/ui/notice";
import type { RecommendationPlace } from "@/lib/recommendations/recommend";

/*
 * The product page, shared by its two routes (proxy.ts picks one):
 *   [variant]/page.tsx          everyone without a session or a cart: rendered once and served
 *                               whole from the page cache, suggestions included (best sellers,
 *                               the same for everyone);
 *   [variant]/for-you/page.tsx  a signed-in visitor, or a guest with a cart: the same cached
 *                               shell, with the visitor's own suggestions streamed into a hole
 *                               (their orders with their consent; never what is in their cart).
 * Keeping the two apart keeps the common case a full-page cache hit: one hole that reads
 * cookies would make every visitor's request render.
 */

export type Params = { slug: string; variant: string };

/** Rendered on first request, then served from the cache until the product changes. */
export function productStaticParams(): Params[] {
  return [{ slug: PLACEHOLDER_SLUG, variant: DEFAULT_VARIANT_SEGMENT }];
}

async function load(params: Promise<Params>) {
  const { slug, variant } = await params;
  if (slug === PLACEHOLDER_SLUG || !isValidSlug(slug)) return null;
  const product = await getCachedProduct(slug);
  if (!product) return null;
  const { variant: selected, requestedMissing } = selectVariant(product.variants, variant === DEFAULT_VARIANT_SEGMENT ? null : variant);
  if (!selected) return null;
  return { product, selected, requestedMissing };
}

export async function productMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return { title: "Product not found" };
  const { product } = loaded;
  const image = product.images[0];
  return {
    title: product.title,
    description: product.summary,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: {
      type: "website",
      title: product.title,
      description: product.summary,
      url: `/products/${product.slug}`,
      images: image ? [{ url: image.src, width: image.width, height: image.height, alt: image.alt }] : undefined,
    },
    twitter: { card: "summary_large_image", title: product.title, description: product.summary },
  };
}

export async function ProductPage({ params, suggestions }: { params: Promise<Params>; suggestions: "everyone" | "visitor" }) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { product, selected, requestedMissing } = loaded;
  const settings = await getCachedShopSettings();
  const origin = siteUrl();
  const productUrl = `${origin}/products/${product.slug}`;
  const totalStock = product.variants.reduce((sum, v) => sum + v.stock, 0);
  const shares = shareLinks({
    productUrl,
    title: product.title,
    imageUrl: product.images[0] ? `${origin}${product.images[0].src}` : undefined,
    networks: shopConfig.shareNetworks,
  });
  const digits = minorUnitDigits(selected.currency);
  const suggestionsPlace: RecommendationPlace = { page: "product", productId: product.id, collectionSlug: product.collections[0]?.slug ?? null };
  const suggestionsClass = "mt-12 border-t border-line pt-8 md:mt-16 md:pt-10";

  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    sku: selected.sku,
    url: productUrl,
    image: product.images.map((i) => `${origin}${i.src}`),
    brand: { "@type": "Brand", name: settings.shopName },
    material: product.materials || undefined,
    offers: product.variants.map((v) => ({
      "@type": "Offer",
      sku: v.sku,
      url: `${productUrl}?variant=${encodeURIComponent(v.sku)}`,
      price: (v.price / 10 ** digits).toFixed(digits),
      priceCurrency: v.currency,
      availability: v.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      itemCondition: "https://schema.org/NewCondition",
    })),
  };

  return (
    <div className="container-page py-6 md:py-12">
      <Breadcrumbs
        trail={product.collections.slice(0, 1).map((c) => ({ href: `/collections/${c.slug}`, label: c.title }))}
        current={product.title}
      />

      <div className="mt-4 grid gap-8 md:mt-6 md:grid-cols-2 md:gap-12">
        <ProductGallery images={product.images} title={product.title} />

        <div>
          <h1 className="text-3xl md:text-4xl">{product.title}</h1>
          <p className="mt-2 text-ink-muted">{product.summary}</p>
          <p className="mt-4 text-2xl font-medium" data-testid="price">
            <Price amount={selected.price} compareAt={selected.compareAtPrice} currency={selected.currency} />
          </p>
          <p className="mt-2 text-xs text-ink-muted">{priceNote(settings)}</p>

          {requestedMissing ? (
            <Notice className="mt-4">
              The option in your link is no longer available, so we are showing the closest one.
            </Notice>
          ) : null}

          <div className="mt-6">
            <VariantPicker productSlug={product.slug} optionNames={product.optionNames} variants={product.variants} selected={selected} />
          </div>

          <div className="mt-6 flex items-center gap-3" data-testid="stock">
            <StockBadge stock={selected.stock} />
            <span className="text-xs text-ink-muted">SKU {selected.sku}</span>
          </div>
          <div className="mt-5">
            <AddToCartForm variantId={selected.id} soldOut={selected.stock <= 0} />
          </div>
          {totalStock === 0 ? (
            <p className="mt-3 text-sm text-ink-muted">Every option of this product is sold out. We make more most months.</p>
          ) : null}
          {selected.stock <= 0 ? (
            <BackInStockForm key={selected.id} variantId={selected.id} optionLabel={product.optionNames.map((n) => selected.options[n]).filter(Boolean).join(" / ")} />
          ) : null}

          <div className="mt-8 space-y-6 border-t border-line pt-6 text-sm leading-relaxed">
            <p className="text-base">{product.description}</p>
            {product.materials ? (
              <div>
                <h2 className="font-sans text-sm font-semibold">Materials</h2>
                <p className="mt-1 text-ink-muted">{product.materials}</p>
              </div>
            ) : null}
            {product.care ? (
              <div>
                <h2 className="font-sans text-sm font-semibold">Care</h2>
                <p className="mt-1 text-ink-muted">{product.care}</p>
              </div>
            ) : null}
          </div>

          <section aria-labelledby="share-heading" className="mt-8 border-t border-line pt-6">
            <h2 id="share-heading" className="font-sans text-sm font-semibold">
              Share
            </h2>
            <p className="mt-1 text-xs text-ink-muted">Plain links: nothing from these sites loads until you click.</p>
            <ul className="mt-3 flex flex-wrap gap-2">
              {shares.map((s) => (
                <li key={s.network}>
                  <a
                    href={s.href}
                    rel="noopener noreferrer"
                    target={s.network === "email" ? undefined : "_blank"}
                    className="inline-flex h-9 items-center rounded-full border border-line-strong px-3 text-sm hover:border-ink"
                  >
                    {s.label}
                    {s.network !== "email" ? <span className="sr-only"> (opens in a new tab)</span> : null}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>

      {suggestions === "visitor" ? (
        // Until the visitor's own stream in (and without JavaScript), the cached best sellers.
        <Suspense fallback={<PopularRecommendations place={suggestionsPlace} className={suggestionsClass} />}>
          <Recommendations place={suggestionsPlace} className={suggestionsClass} />
        </Suspense>
      ) : (
        <PopularRecommendations place={suggestionsPlace} className={suggestionsClass} />
      )}

      <script
        type="application/ld+json"
        // JSON.stringify escapes quotes; "<" is escaped so product text cannot close the script tag.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
    </div>
  );
}
