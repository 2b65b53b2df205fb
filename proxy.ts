import { NextResponse, type NextRequest } from "next/server";
import { parseListingState } from "@/lib/catalog/listing-params";
import { listingStateToSegment, variantToSegment } from "@/lib/catalog/route-segments";

/**
 * Turns query-string state into a path segment (see lib/catalog/route-segments.ts) so that
 * collection and product pages can be cached per distinct, normalised URL. The visible URL
 * does not change. Nothing here reads a session: authorisation lives next to the data.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const parts = pathname.split("/");
  // ["", "collections" | "products", slug]
  if (parts.length !== 3 || !parts[2]) return NextResponse.next();

  const url = request.nextUrl.clone();
  if (parts[1] === "collections") {
    url.pathname = `${pathname}/${listingStateToSegment(parseListingState(searchParams))}`;
  } else if (parts[1] === "products") {
    url.pathname = `${pathname}/${variantToSegment(searchParams.get("variant"))}`;
  } else {
    return NextResponse.next();
  }
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/collections/:slug", "/products/:slug"],
};
