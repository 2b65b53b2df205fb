import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/constants";
import { CART_COUNT_COOKIE } from "@/lib/cart/cookies";
import { parseListingState } from "@/lib/catalog/listing-params";
import {
  DEFAULT_VARIANT_SEGMENT,
  HOME_EDITION,
  listingStateToSegment,
  MISSING_VARIANT_SEGMENT,
  parseSearchState,
  searchStateToSegment,
  variantToSegment,
} from "@/lib/catalog/route-segments";
import { canonicalListingState, getRouteIndex } from "@/lib/catalog/route-index";
import { minorUnitDigits } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";
import { isValidSlug } from "@/lib/catalog/slug";
import { verifyOrderToken } from "@/lib/orders/order-link";
import { countDocumentView } from "@/lib/analytics/page-views";
import { getTrackedLinkIndex, lookupKey } from "@/lib/links/link-index";
import { isTrackedLinkSlug } from "@/lib/links/tracked-links";
import { siteUrl } from "@/lib/env";
import { isCrossOriginActionPost } from "@/lib/http/same-origin";
import { hasUnreadablePartHeader, isReadableActionArguments, isReadableBoundForm } from "@/lib/http/action-arguments";
import { isMalformedRecordPath } from "@/lib/http/record-paths";

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Answers that are 404 pages: not counted as page views. */
const notFoundAnswers = new WeakSet<Response>();

/** The plain 404 of a page that does not exist: the rewrite target has no route of its own. */
function notFound(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = "/_no-such-page";
  url.search = "";
  const response = NextResponse.rewrite(url);
  notFoundAnswers.add(response);
  return response;
}

/** The largest request body the shop accepts: forms and webhooks are a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Product photos (8 MB, lib/storage/product-images.ts) and CSV imports are posted to the
 * product admin's pages: a little more there, for the file plus the form around it. The
 * actions check the permission and the real file size themselves.
 */
export const MAX_UPLOAD_BODY_BYTES = 9 * 1024 * 1024;

/** The larger limit only for someone who is signed in: an anonymous 9 MB post is refused before it is read. */
function bodyLimitFor(request: NextRequest): number {
  const { pathname } = request.nextUrl;
  const uploadPage = pathname === "/admin/products" || pathname.startsWith("/admin/products/");
  const signedIn = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  return uploadPage && signedIn ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

function refusal(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * Requests that carry a body, checked before any route sees them. A body must declare its
 * length (browsers always do) and stay under MAX_BODY_BYTES. A server action is called with a
 * form: Hearth's actions all take one, and a script calling one with anything else (a plain
 * object, JSON) is refused here instead of reaching it. Next.js also registers every
 * 'use cache' function as a callable server reference; none of them is an action, so calling
 * one that way is a 404 like any unknown action.
 */
function refuseHostileBody(request: NextRequest): Response | null {
  // The action header is checked whether or not a body came with it.
  const actionId = request.headers.get("next-action");
  if (actionId !== null && !isServerActionId(actionId)) return refusal(404, "not_found", "There is no such action.");
  const length = request.headers.get("content-length");
  const hasBody = length !== null || request.headers.has("transfer-encoding");
  if (!hasBody) return actionId !== null ? refusal(400, "invalid", "Actions take a form.") : null;
  if (length === null || !/^\d{1,12}$/.test(length)) return refusal(411, "invalid", "Send the body with a Content-Length.");
  if (Number(length) > bodyLimitFor(request)) return refusal(413, "invalid", "The request is too large.");
  if (actionId !== null && !(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return refusal(400, "invalid", "Actions take a form.");
  return null;
}

/**
 * Without JavaScript a form posts its action's id as a field instead of a header: $ACTION_ID_<id>
 * for a plain action, or $ACTION_REF_<p> with $ACTION_<p>:0 = {"id": …} for one with bound
 * arguments (useActionState's forms), where React accepts any <p>. The same rule applies to both,
 * and a reference whose description is missing or unreadable is refused too.
 */
async function refuseCachedFunctionForm(request: NextRequest): Promise<Response | null> {
  // Under /api/ too: a multipart post to an address with no handler renders the 404 page,
  // which Next.js reads as a possible action, and an unreadable form there is a 500.
  if (request.method !== "POST" || request.headers.has("next-action")) return null;
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return refusal(400, "invalid", "The form could not be read.");
  }
  if (hasUnreadablePartHeader(form)) return refusal(400, "invalid", "The form could not be read.");
  const boundId = (prefix: string): string => {
    const described = form.get(`$ACTION_${prefix}:0`);
    try {
      const bound = JSON.parse(typeof described === "string" ? described : "") as { id?: unknown };
      return typeof bound.id === "string" ? bound.id : "";
    } catch {
      return "";
    }
  };
  for (const key of form.keys()) {
    // Bound arguments React's decoder cannot read would be a 500 (lib/http/action-arguments.ts).
    if (key.startsWith("$ACTION_REF_") && !isReadableBoundForm(form, key.slice("$ACTION_REF_".length))) return refusal(400, "invalid", "The form could not be read.");
    const id = key.startsWith("$ACTION_ID_") ? key.slice("$ACTION_ID_".length) : key.startsWith("$ACTION_REF_") ? boundId(key.slice("$ACTION_REF_".length)) : undefined;
    if (id !== undefined && !isServerActionId(id)) return refusal(404, "not_found", "There is no such action.");
  }
  return null;
}

/**
 * An action's arguments that React's decoder cannot read (lib/http/action-arguments.ts): a
 * 400 here, where Next.js would answer 500. refuseHostileBody has already made sure that an
 * action request is a form of bounded size.
 */
async function refuseUnreadableArguments(request: NextRequest): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return refusal(400, "invalid", "The form could not be read.");
  }
  if (hasUnreadablePartHeader(form)) return refusal(400, "invalid", "The form could not be read.");
  const encoded = form.get("0");
  return typeof encoded === "string" && isReadableActionArguments(encoded) ? null : refusal(400, "invalid", "Actions take a form.");
}

/** Next's server reference ids: 42 hex digits whose first bit is set for 'use cache' functions. */
function isServerActionId(id: string): boolean {
  return /^[0-9a-f]{42}$/.test(id) && (Number.parseInt(id.slice(0, 2), 16) & 0x80) === 0;
}

/**
 * Turns query-string state into a path segment (see lib/catalog/route-segments.ts) so that
 * collection, product and search pages can be cached per distinct, normalised URL. The
 * visible URL does not change. Every product and collection URL comes through here, even
 * without a query: with a route of its own, the plain URL's page would be reused by the
 * client router for ?variant= and filter links.
 *
 * Because each distinct URL becomes a cache entry, URLs that name nothing real are decided
 * here, before rendering (lib/catalog/route-index.ts): an unknown product or collection is a
 * 404, an unknown SKU shares one "option not available" page per product, and a listing's
 * filters and page are folded into the one state that gives the same result. Nothing here reads a session: authorisation lives next to the data.
 * A product page has two renderings (app/(shop)/products/[slug]/[variant]/product-page.tsx): one
 * cached whole for everyone, and one whose suggestions stream in for a visitor with a session or
 * a cart (ownSuggestions, below).
 */
export async function proxy(request: NextRequest) {
  const response = await route(request);
  // Page views are counted here because catalogue pages come from the page cache: see lib/analytics/page-views.ts.
  if (response instanceof NextResponse && response.status < 300 && !notFoundAnswers.has(response)) {
    try {
      countDocumentView(request, response);
    } catch (error) {
      // Counting must never cost a shopper the page.
      console.error("Page view not counted:", error instanceof Error ? error.message : error);
    }
  }
  return response;
}

async function route(request: NextRequest): Promise<Response> {
  // Another site's form posting to an action (or to an address with no handler, which renders
  // the 404 page, also read as a possible action): a 403 here, where Next.js would answer 500.
  // One-click unsubscribes may come from anywhere (RFC 8058): their handler is not an action.
  if (!/^\/(api\/)?unsubscribe\//.test(request.nextUrl.pathname) && isCrossOriginActionPost(request.method, request.headers, siteUrl())) {
    return refusal(403, "forbidden", "Forms are sent from the shop's own pages.");
  }
  const refused = refuseHostileBody(request) ?? (await refuseCachedFunctionForm(request)) ?? (await refuseUnreadableArguments(request));
  if (refused) return refused;
  const { pathname, searchParams } = request.nextUrl;
  // Broken percent-encoding (/search/%ff) names no page; the router would fail to decode it.
  if (pathname.includes("%") && !pathname.split("/").every(decodes)) return notFound(request);
  // A record page whose id cannot name a record: a real 404 (lib/http/record-paths.ts).
  if (request.method === "GET" && isMalformedRecordPath(pathname)) return notFound(request);
  const [, section, slug = "", ...rest] = pathname.split("/");
  const url = request.nextUrl.clone();

  if (section === "orders") {
    // A guest's order page needs the signed token from their email. Without it the answer is
    // the plain 404 of a page that does not exist, decided before any HTML is streamed (the
    // page checks again itself).
    if (rest.length === 0 && verifyOrderToken(slug, searchParams.get("token"))) return NextResponse.next();
    return notFound(request);
  }
  if (section === "go") {
    // A tracked short link (app/go/[slug]/route.ts). An unknown or malformed slug gets the
    // shop's own 404 page here: notFound() in a route handler answers an empty 404 instead of
    // rendering app/not-found.tsx. The slug set is the in-memory link index the handler
    // reads too, so this is a map lookup; without an index (database down) the handler answers.
    const key = lookupKey(slug);
    if (rest.length > 0 || !isTrackedLinkSlug(key)) return notFound(request);
    const links = await getTrackedLinkIndex();
    return links && !links.has(key) ? notFound(request) : NextResponse.next();
  }
  if (section === "unsubscribe") {
    // RFC 8058: mail apps POST to the very URL in the List-Unsubscribe header, and a page and
    // a route handler cannot share a path in the App Router. GET stays on the page (which
    // changes nothing); POST goes to the handler.
    if (request.method !== "POST") return NextResponse.next();
    url.pathname = `/api/unsubscribe/${slug}`;
    return NextResponse.rewrite(url);
  }
  if (section === "preferences") return NextResponse.next();
  if (pathname === "/") {
    url.pathname = `/home/${HOME_EDITION}`;
    return NextResponse.rewrite(url);
  }
  if (section === "home") {
    // The home page has one public address: "/".
    return NextResponse.redirect(new URL("/", request.url), 308);
  }

  if (section === "search") {
    if (rest.length > 0) return notFound(request);
    if (slug) return NextResponse.next();
    url.pathname = `/search/${searchStateToSegment(parseSearchState(searchParams))}`;
    return NextResponse.rewrite(url);
  }

  if (section !== "products" && section !== "collections") return NextResponse.next();

  // /products/<slug> and /collections/<slug> only: the state segment is never a public address.
  if (!isValidSlug(slug) || rest.length > 0) return notFound(request);
  const index = await getRouteIndex();

  if (section === "collections") {
    const collection = index?.collections.get(slug);
    if (index && !collection) return notFound(request);
    const state = parseListingState(searchParams);
    const canonical = collection ? canonicalListingState(state, collection, 10 ** minorUnitDigits(shopConfig.currency), shopConfig.pageSize) : state;
    url.pathname = `/collections/${slug}/${listingStateToSegment(canonical)}`;
    return NextResponse.rewrite(url);
  }

  const skus = index?.products.get(slug);
  if (index && !skus) return notFound(request);
  const variant = variantToSegment(searchParams.get("variant"));
  const known = variant === DEFAULT_VARIANT_SEGMENT || !skus || skus.has(variant);
  url.pathname = `/products/${slug}/${known ? variant : MISSING_VARIANT_SEGMENT}${ownSuggestions(request) ? "/for-you" : ""}`;
  return NextResponse.rewrite(url);
}

/**
 * Whether the product page's suggestions depend on this visitor: they hold a session cookie
 * (their orders, with their consent) or a cart (never suggest what is in it). Only the
 * cookies' presence is read here; the page checks the session itself. Everyone else gets the
 * page served whole from the cache, with the same best sellers for all.
 */
function ownSuggestions(request: NextRequest): boolean {
  if (SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) return true;
  const inCart = Number(request.cookies.get(CART_COUNT_COOKIE)?.value);
  return Number.isInteger(inCart) && inCart > 0;
}

export const config = {
  matcher: [
    "/",
    "/home/:path*",
    "/orders/:path*",
    "/collections/:path*",
    "/products/:path*",
    "/search",
    "/search/:path*",
    "/unsubscribe/:path*",
    "/go/:path*",
    "/preferences/:path*",
    // Any other address with percent-encoding, so a broken one gets a 404 rather than the
    // router's failure to decode it.
    "/:path(.*%.*)",
    // Record pages, for a real 404 when the id is malformed (lib/http/record-paths.ts).
    "/admin/:area(orders|products|customers|discounts)/:id",
    "/admin/marketing/:area(campaigns|segments|subscribers|links)/:id",
    // Every other page, for the page-view count (not staff pages, API routes, files or the
    // tracked-link and campaign redirects, which count their own clicks).
    "/((?!_next/|api/|admin|uploads/|images/|icons/|go/|r/|favicon\\.ico|icon\\.svg|apple-icon\\.png|manifest\\.webmanifest|robots\\.txt|sitemap\\.xml).*)",
    // Every request with a body (form posts, actions, webhooks), for refuseHostileBody.
    { source: "/:path*", has: [{ type: "header", key: "content-length" }] },
    { source: "/:path*", has: [{ type: "header", key: "transfer-encoding" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
