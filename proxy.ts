import { NextResponse, type NextRequest } from "next/server";
import { parseListingState } from "@/lib/catalog/listing-params";
import {
  DEFAULT_SEGMENT,
  DEFAULT_VARIANT_SEGMENT,
  HOME_EDITION,
  listingStateToSegment,
  PLACEHOLDER_SLUG,
  parseSearchState,
  searchStateToSegment,
  variantToSegment,
} from "@/lib/catalog/route-segments";
import { isValidSlug } from "@/lib/catalog/slug";
import { verifyOrderToken } from "@/lib/orders/order-link";

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns query-string state into a path segment (see lib/catalog/route-segments.ts) so that
 * collection, product and search pages can be cached per distinct, normalised URL. The
 * visible URL does not change. Every product and collection URL comes through here, even
 * without a query: with a route of its own, the plain URL's page would be reused by the
 * client router for ?variant= and filter links. Nothing here reads a session: authorisation
 * lives next to the data.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const [, section, slug = "", ...rest] = pathname.split("/");
  const url = request.nextUrl.clone();

  if (section === "orders") {
    // A guest's order page needs the signed token from their email. Without it the answer is
    // the plain 404 of a page that does not exist, decided before any HTML is streamed (the
    // page checks again itself): the rewrite target has no route, so Next answers its 404.
    if (rest.length === 0 && verifyOrderToken(slug, searchParams.get("token"))) return NextResponse.next();
    url.pathname = "/_not-found-order";
    url.search = "";
    return NextResponse.rewrite(url);
  }
  if (section === "unsubscribe") {
    // RFC 8058: mail apps POST to the very URL in the List-Unsubscribe header, and a page and
    // a route handler cannot share a path in the App Router. GET stays on the page (which
    // changes nothing); POST goes to the handler.
    if (request.method !== "POST") return NextResponse.next();
    url.pathname = `/api/unsubscribe/${slug}`;
    return NextResponse.rewrite(url);
  }
  if (pathname === "/") {
    url.pathname = `/home/${HOME_EDITION}`;
    return NextResponse.rewrite(url);
  }
  if (section === "home") {
    // The home page has one public address: "/".
    return NextResponse.redirect(new URL("/", request.url), 308);
  }

  if (section === "search") {
    if (rest.length > 0 || !decodes(slug)) url.pathname = "/search/not-a-search";
    else if (slug) return NextResponse.next();
    else url.pathname = `/search/${searchStateToSegment(parseSearchState(searchParams))}`;
    return NextResponse.rewrite(url);
  }

  const fallback = section === "collections" ? DEFAULT_SEGMENT : DEFAULT_VARIANT_SEGMENT;
  // A malformed or impossible slug (bad percent-encoding, "..") goes to the not-found page
  // instead of reaching the router, which would fail to decode it.
  if (!decodes(slug) || !isValidSlug(slug) || rest.length > 1 || !rest.every(decodes)) {
    url.pathname = `/${section}/${PLACEHOLDER_SLUG}/${fallback}`;
    return NextResponse.rewrite(url);
  }
  if (rest.length === 1) return NextResponse.next();

  url.pathname =
    section === "collections"
      ? `/collections/${slug}/${listingStateToSegment(parseListingState(searchParams))}`
      : `/products/${slug}/${variantToSegment(searchParams.get("variant"))}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/", "/home/:path*", "/orders/:path*", "/collections/:path*", "/products/:path*", "/search", "/search/:path*", "/search/:query(.*%.*)", "/unsubscribe/:path*"],
};
