import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { listPopularProducts } from "@/db/queries/recommendations";
import { catalogTags } from "@/lib/catalog/cache-tags";

/**
 * The non-personal suggestions ("Popular in Ceramics"): the same for every visitor, so cached
 * like the catalogue and expired with it. A collection's list goes with the collection's tag,
 * which every change to one of its products (price, stock shown, status) expires; the whole
 * shop's list goes with the featured list's tag, which every product change expires too.
 * Sales move the order slowly, so the catalogue's time limit is enough for those.
 */
export async function getCachedPopularProducts(collectionSlug: string | null) {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, collectionSlug ? catalogTags.collection(collectionSlug) : catalogTags.featured);
  return listPopularProducts(collectionSlug, 8);
}
