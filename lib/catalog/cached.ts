import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import {
  getCollectionBySlug,
  getProductBySlug,
  listCollectionProducts,
  listCollections,
  listFeaturedProducts,
  listNewestProducts,
  listSitemapEntries,
  searchProducts,
} from "@/db/queries/catalog";
import { catalogTags } from "./cache-tags";
import type { ListingState } from "./listing-params";

/*
 * Catalogue reads that do not depend on the visitor, cached across requests and tagged so
 * that the functions that change the catalogue (lib/catalog/mutations.ts) can invalidate them.
 * Visitor-dependent reads (cart, session) must never go through here.
 */

export async function getCachedCollections() {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, catalogTags.collections);
  return listCollections();
}

export async function getCachedCollection(slug: string) {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, catalogTags.collection(slug));
  return getCollectionBySlug(slug);
}

export async function getCachedCollectionListing(slug: string, collectionId: number, state: ListingState) {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, catalogTags.collection(slug));
  return listCollectionProducts(collectionId, state);
}

export async function getCachedProduct(slug: string) {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, catalogTags.product(slug));
  return getProductBySlug(slug);
}

export async function getCachedFeaturedProducts() {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, catalogTags.featured);
  const [featured, newest] = await Promise.all([listFeaturedProducts(8), listNewestProducts(4)]);
  return { featured, newest };
}

export async function getCachedSitemapEntries() {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all);
  return listSitemapEntries();
}

export async function getCachedSearchResults(query: string, page: number) {
  "use cache";
  cacheLife("catalog");
  cacheTag(catalogTags.all, catalogTags.search);
  return searchProducts(query, page);
}
