import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "SAMEORIGIN" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

const nextConfig: NextConfig = {
  // A static shell per page, catalogue data in 'use cache' functions, visitor parts in <Suspense>.
  cacheComponents: true,
  // Partial Prefetching makes a <Link> prefetch one App Shell per route instead of the page it
  // points to. Hearth's catalogue pages are keyed entirely by their URL (proxy.ts folds the
  // query into a path segment) and each is cached whole, so their shared shell would be
  // nearly empty while a per-link prefetch is a cache hit for the complete page. Off, then,
  // until the next major version makes it the only behaviour; revisit it there.
  partialPrefetching: false,
  // Pages and 'use cache' entries stay in each app server's memory; tag expiries are shared
  // through PostgreSQL so every server drops the same entries (lib/cache/shared-tags.mjs).
  cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)),
  // Memory for each of Next's two in-memory caches (rendered pages; 'use cache' data), read when
  // the server starts: CACHE_MEMORY_MB (Next's own default is 50 MB, about 100 product pages).
  // Measured (npm run bench -- cache): a product page costs about 0.5 MB of resident memory
  // cached, so 1 GB keeps about 2,000 products' pages; a 10,000-product shop needs ~5 GB.
  cacheMaxMemorySize: Number(process.env.CACHE_MEMORY_MB ?? 1024) * 1024 * 1024,
  cacheLife: {
    // Catalogue reads are invalidated by tag when the catalogue changes; the time limit is a safety net.
    catalog: { stale: 300, revalidate: 900, expire: 86_400 },
  },
  experimental: {
    // Product photos up to 8 MB are uploaded through a server action; proxy.ts keeps every
    // other path at 1 MB.
    serverActions: { bodySizeLimit: "9mb" },
    // Pages rendered at run time stay in the in-memory LRU cache instead of being written under
    // .next/: a restart or deploy starts clean, and endless URL variations cannot fill the disk.
    isrFlushToDisk: false,
  },
  turbopack: {
    rules: {
      // `import text from "./file.css?raw"`: the file's text. The one-click unsubscribe answer
      // builds its small stylesheet from app/theme.css this way (app/api/unsubscribe).
      "*.css": { condition: { query: "?raw" }, type: "raw" },
    },
  },
  poweredByHeader: false,
  // Behind a reverse proxy that compresses (README, "Several app servers"), COMPRESSION=off
  // leaves it to the proxy. Read when `next start` loads this file, so it is a run-time setting.
  compress: process.env.COMPRESSION !== "off",
  images: {
    // Only images served by the shop itself: no remote hosts at build or run time.
    remotePatterns: [],
    formats: ["image/webp"],
    // Few widths keep srcset attributes (and so every listing page) short.
    deviceSizes: [640, 828, 1200],
    imageSizes: [192, 320],
    qualities: [75, 85],
    minimumCacheTTL: 60 * 60 * 24 * 30,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
