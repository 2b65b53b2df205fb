import type { ProductSnapshot } from "@/db/queries/admin-products";
import { catalogTags } from "./cache-tags";

/*
 * Which cached catalogue pages an admin change to one product makes stale, worked out from the
 * product as it was and as it is. Only what a shopper can see counts: a draft edited while it
 * stays a draft expires nothing. The route index (lib/catalog/route-index.ts) is forgotten
 * only when a URL appears or disappears (slug, status, SKUs) or a collection's filters or
 * price bounds move.
 */

export type ProductChange = { before: ProductSnapshot | null; after: ProductSnapshot | null; imagesChanged?: boolean };

const visible = (p: ProductSnapshot | null): p is ProductSnapshot => p?.status === "published";

export function expiryFor({ before, after, imagesChanged = false }: ProductChange): { tags: string[]; forgetRouteIndex: boolean } {
  const shown = [before, after].filter(visible);
  if (shown.length === 0) return { tags: [], forgetRouteIndex: false };
  const tags = new Set<string>();
  for (const p of shown) {
    tags.add(catalogTags.product(p.slug));
    for (const c of p.collections) tags.add(catalogTags.collection(c));
  }
  // A product page that was shown and now is not (a draft, a new slug) must forget its page too.
  for (const p of [before, after]) if (p && shown.length) tags.add(catalogTags.product(p.slug));
  tags.add(catalogTags.search);
  // The home page's featured and newest lists are cards of published products.
  tags.add(catalogTags.featured);
  const shownChanged = visible(before) !== visible(after);
  const collectionsChanged = JSON.stringify(before?.collections ?? []) !== JSON.stringify(after?.collections ?? []);
  // The collections index shows each collection's product count and first photo.
  if (shownChanged || collectionsChanged || imagesChanged) tags.add(catalogTags.collections);
  const urls = (p: ProductSnapshot | null) =>
    visible(p) ? JSON.stringify([p.slug, p.collections, p.variants.map((v) => [v.sku.toUpperCase(), v.price, v.options])]) : "";
  return { tags: [...tags].sort(), forgetRouteIndex: urls(before) !== urls(after) };
}
