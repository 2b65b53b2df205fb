import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getCachedSitemapEntries } from "@/lib/catalog/cached";
import { siteUrl } from "@/lib/env";
import { shopConfig } from "@/lib/shop-config";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Built per request (from cached data) so `next build` never needs the database.
  await connection();
  const origin = siteUrl();
  const { products, collections } = await getCachedSitemapEntries();
  return [
    { url: `${origin}/`, changeFrequency: "daily", priority: 1 },
    { url: `${origin}/newsletter`, changeFrequency: "monthly", priority: 0.4 },
    ...collections.map((c) => ({ url: `${origin}/collections/${c.slug}`, changeFrequency: "daily" as const, priority: 0.8 })),
    ...products.map((p) => ({ url: `${origin}/products/${p.slug}`, lastModified: p.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...shopConfig.legalLinks.map((l) => ({ url: `${origin}${l.href}`, changeFrequency: "monthly" as const, priority: 0.2 })),
  ];
}
