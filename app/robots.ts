import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/account", "/admin", "/cart", "/checkout", "/orders", "/api/", "/search", "/login", "/preferences/", "/unsubscribe/", "/newsletter/confirm", "/dev/"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
