import "server-only";
import { cacheLife, cacheTag, updateTag } from "next/cache";
import { connection } from "next/server";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";

/** The one cache tag for the shop's settings: every cached read is tagged with it. */
export const SHOP_SETTINGS_TAG = "shop-settings";

/**
 * The shop's settings for pages, cached across requests and visitors. A cached catalogue page
 * that reads them stays cacheable (this is a 'use cache' read, not a request read) and carries
 * the tag, so saving the settings re-renders it on its next request.
 */
export async function getCachedShopSettings(): Promise<ShopSettings> {
  "use cache";
  cacheLife("catalog");
  cacheTag(SHOP_SETTINGS_TAG);
  return getShopSettings();
}

/**
 * For components in the storefront's shell (header, footer). `next build` has no database, so
 * during the build the read is deferred to request time (a hole in the static shell, under a
 * Suspense boundary); at run time it is the cached read above, and pages rendered on first
 * request (the catalogue) are cached whole, settings included.
 */
export async function getShopSettingsForPage(): Promise<ShopSettings> {
  if (process.env.NEXT_PHASE === "phase-production-build") await connection();
  return getCachedShopSettings();
}

/**
 * After the settings committed (a server action): expire every cached read and page that used
 * them. updateTag (not revalidateTag's stale-while-revalidate) so the admin who saved, and the
 * next shopper, see the new values on their very next request.
 */
export function expireShopSettings() {
  updateTag(SHOP_SETTINGS_TAG);
}
