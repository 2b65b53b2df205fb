import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getLinkPage } from "@/db/queries/link-page";
import { getShopSettings } from "@/db/queries/settings";
import { catalogTags } from "@/lib/catalog/cache-tags";
import { siteUrl } from "@/lib/env";
import { SHOP_SETTINGS_TAG } from "@/lib/settings/cached";
import { shopConfig } from "@/lib/shop-config";
import { LINK_PAGE_TAG } from "./expire";
import { linkEntries, renderLinkPageHtml } from "./render";

/**
 * /links as finished HTML, cached across requests like the catalogue. Tagged with the page's
 * own tag, the shop settings' (name, social profiles), and the catalogue tags of every product
 * and collection it links to, so a product renamed, unpublished or deleted, a settings save or
 * an edit in the editor each re-render it on the next request, and nothing else does.
 */
export async function getCachedLinkPageHtml(): Promise<string> {
  "use cache";
  cacheLife("catalog");
  const [page, settings] = await Promise.all([getLinkPage(), getShopSettings()]);
  const tags = new Set<string>([LINK_PAGE_TAG, SHOP_SETTINGS_TAG, catalogTags.all, catalogTags.collections]);
  for (const link of page.links) {
    if (link.product) tags.add(catalogTags.product(link.product.slug));
    if (link.collection) tags.add(catalogTags.collection(link.collection.slug));
  }
  cacheTag(...tags);
  return renderLinkPageHtml({
    shopName: settings.shopName,
    intro: page.intro,
    links: linkEntries(page.links),
    socialProfiles: settings.socialProfiles,
    origin: siteUrl(),
    locale: shopConfig.locale,
  });
}
