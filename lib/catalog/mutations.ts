import "server-only";
import { revalidateTag } from "next/cache";
import { listCollectionSlugsForProduct, updateVariantStocks } from "@/db/queries/catalog";
import type { StockAfterOrder } from "@/db/queries/orders";
import { shopConfig } from "@/lib/shop-config";
import { catalogTags } from "./cache-tags";
import { forgetRouteIndex } from "./route-index";

/*
 * Catalogue writes made from inside the app (server actions, route handlers). Each one
 * changes the data through the data access layer and then expires the cache tags of every
 * page that shows it, so shoppers never see a stale price or stock level for long.
 */

/**
 * After a product itself changed (title, price, status, collections…): its pages, and the
 * route index proxy.ts checks URLs against (lib/catalog/route-index.ts).
 */
export async function invalidateProduct(productSlug: string) {
  forgetRouteIndex();
  await expireProductPages(productSlug);
}

/** The cached pages that show a product: its own, its collections', the featured list and search. */
async function expireProductPages(productSlug: string) {
  const collectionSlugs = await listCollectionSlugsForProduct(productSlug);
  revalidateTag(catalogTags.product(productSlug), { expire: 0 });
  for (const slug of collectionSlugs) revalidateTag(catalogTags.collection(slug), { expire: 0 });
  revalidateTag(catalogTags.featured, { expire: 0 });
  revalidateTag(catalogTags.search, { expire: 0 });
}

/**
 * Expires each product's pages once, however many of its variants changed. Stock alone changes
 * no URL that exists, so the route index is kept.
 */
async function expireStockShown(productSlugs: Iterable<string>) {
  for (const slug of new Set(productSlugs)) await expireProductPages(slug);
}

export async function setVariantStocks(updates: { sku: string; stock: number }[]) {
  const result = await updateVariantStocks(updates);
  await expireStockShown(result.updated.map((u) => u.productSlug));
  return result;
}

/**
 * After an order has committed: expire the pages of products whose stock now reads
 * differently. Pages show "In stock" above the low-stock threshold and "Only N left" / "Sold
 * out" at or below it (lib/catalog/stock.ts), so an order that leaves more than the threshold
 * changes nothing a shopper sees and re-renders nothing: a busy shop with stock on the shelf
 * does not rebuild its product pages on every order. All of one order's products are expired
 * together, once each.
 */
export async function refreshStockShownAfterOrder(stockAfter: StockAfterOrder[]) {
  await expireStockShown(stockAfter.filter((s) => s.stock <= shopConfig.lowStockThreshold).map((s) => s.productSlug));
}

/** Everything: after an import or a re-seed done outside the running server. */
export function invalidateCatalog() {
  forgetRouteIndex();
  revalidateTag(catalogTags.all, { expire: 0 });
}

/**
 * After a cancelled order's items went back on the shelf: only pages whose stock reads
 * differently now, i.e. those at or below the low-stock threshold before ("Only 2 left", "Sold
 * out"). Above it, "In stock" stays "In stock" and nothing needs rebuilding.
 */
export async function refreshStockShownAfterRestock(restocked: { productSlug: string; stockBefore: number }[]) {
  await expireStockShown(restocked.filter((s) => s.stockBefore <= shopConfig.lowStockThreshold).map((s) => s.productSlug));
}
