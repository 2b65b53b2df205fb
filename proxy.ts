import { NextResponse, type NextRequest } from "next/server";
import { parseListingState } from "@/lib/catalog/listing-params";
import {
  DEFAULT_SEGMENT,
  DEFAULT_VARIANT_SEGMENT,
  listingStateToSegment,
  PLACEHOLDER_SLUG,
  variantToSegment,
} from "@/lib/catalog/route-segments";
import { isValidSlug } from "@/lib/catalog/slug";

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
 * collection and product pages can be cached per distinct, normalised URL. The visible URL
 * does not change. Nothing here reads a session: authorisation lives next to the data.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const [, section, slug = "", ...rest] = pathname.split("/");
  if (section !== "collections" && section !== "products") return NextResponse.next();

  const url = request.nextUrl.clone();
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
  matcher: ["/collections/:path*", "/products/:path*"],
};
