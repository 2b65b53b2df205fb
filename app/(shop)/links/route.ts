import { connection } from "next/server";
import { getCachedLinkPageHtml } from "@/lib/link-page/cached";

/*
 * /links: the shop's own link-in-bio page, the first thing a shopper from a social profile
 * sees. A route handler, not a page, so it ships no client JavaScript at all (a page always
 * carries Next's runtime): the HTML is rendered once by React on the server and cached like
 * the catalogue (lib/link-page/cached.ts), so a visit costs about what a static file does.
 */
export async function GET() {
  // Rendered per request (the build has no database), answered from the cache.
  await connection();
  // The visit is counted by proxy.ts before it gets here, like every page (lib/analytics/page-views.ts).
  const html = await getCachedLinkPageHtml();
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // Every visit reaches the server (so it can be counted, and an edit shows at once); the
      // server answers from its cache.
      "Cache-Control": "private, no-cache",
    },
  });
}
