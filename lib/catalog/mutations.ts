import "server-only";
import { revalidateTag } from "next/cache";
import { listCollectionSlugsForProduct, updateVariantStock } from "@/db/queries/catalog";
import { catalogTags } from "./cache-tags";

/*
 * Catalogue writes made from inside the app (server actions, route handlers). Each one
 * changes the data through the data access layer and then expires the cache tags of every
 * page that shows it, so shoppers never see a stale price or stock level for long.
 */

export async function invalidateProduct(productSlug: string) {
  const collectionSlugs = await listCollectionSlugsForProduct(productSlug);
  revalidateTag(catalogTags.product(productSlug), { expire: 0 });
  for (const slug of collectionSlugs) revalidateTag(catalogTags.collection(slug), { expire: 0 });
  revalidateTag(catalogTags.featured, { expire: 0 });
  revalidateTag(catalogTags.search, { expire: 0 });
}

export async function setVariantStock(sku: string, stock: number) {
  const result = await updateVariantStock(sku, stock);
  if (result) await invalidateProduct(result.productSlug);
  return result;
}

/** Everything: after an import or a re-seed done outside the running server. */
export function invalidateCatalog() {
  revalidateTag(catalogTags.all, { expire: 0 });
}
