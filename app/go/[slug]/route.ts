import { NextResponse, type NextRequest } from "next/server";
import { countableVisitor, recordLinkClick } from "@/lib/analytics/collector";
import { asksNotToBeTracked } from "@/lib/analytics/visitor";
import { encodeLanding, LANDING_COOKIE, landingCookieOptions } from "@/lib/attribution/landing";
import { siteUrl } from "@/lib/env";
import { getTrackedLinkIndex, lookupKey } from "@/lib/links/link-index";
import { forwardUrl, isTrackedLinkSlug } from "@/lib/links/tracked-links";

/*
 * A tracked short link from a social post: forwards to the link's page on this shop with its
 * UTM parameters, counts the click and notes where the visit came from.
 *
 * - The origin is the configured SITE_URL, never the request's Host: the link cannot be made
 *   to forward anywhere else, and destinations are paths on the shop (checked on save and by
 *   the table's constraint).
 * - The click is counted without a cookie (lib/analytics/collector.ts): not for bots, nor for
 *   a browser that sends Sec-GPC or DNT, and a repeat within the hour once. Counting only
 *   appends to an in-memory buffer, after the response is decided: nothing here waits for the
 *   database (the link comes from the in-memory index in lib/links/link-index.ts).
 * - Archived links still forward and count: old posts keep working.
 * - An unknown slug never reaches this handler: proxy.ts answers it with the shop's own 404
 *   page (notFound() in a route handler gives an empty 404, not app/not-found.tsx). The check
 *   below is for when the proxy could not load the index.
 * - HEAD (link previewers, uptime checks) gets the same answer and counts nothing.
 */

type Context = { params: Promise<{ slug: string }> };

async function forward(request: NextRequest, { params }: Context, count: boolean) {
  const { slug } = await params;
  const index = isTrackedLinkSlug(lookupKey(slug)) ? await getTrackedLinkIndex() : new Map();
  if (!index) {
    return new Response("This link cannot be followed right now. Please try again in a moment.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "5" },
    });
  }
  const link = index.get(lookupKey(slug));
  if (!link) return new Response("There is no such link.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

  const utm = { source: link.utmSource, medium: link.utmMedium, campaign: link.utmCampaign, content: link.utmContent };
  const response = NextResponse.redirect(forwardUrl(siteUrl(), link.destination, utm), { status: 302, headers: { "Cache-Control": "no-store" } });
  if (count) countClick(request.headers, link.id);
  if (!asksNotToBeTracked(request.headers)) {
    const landing = { channel: utm.source, medium: utm.medium, campaign: utm.campaign, content: utm.content, linkId: link.id };
    response.cookies.set(LANDING_COOKIE, encodeLanding(landing), landingCookieOptions(siteUrl().startsWith("https:")));
  }
  return response;
}

/** Counts the click off the request's path: the visitor hash needs the day's salt, read once per day and process. */
function countClick(headers: Headers, linkId: number) {
  const now = new Date();
  countableVisitor(headers, now)
    .then((visitor) => {
      if (visitor) recordLinkClick(visitor, linkId, now);
    })
    .catch((error: unknown) => console.error("Tracked link click not counted:", error instanceof Error ? error.message : error));
}

export async function GET(request: NextRequest, context: Context) {
  return forward(request, context, true);
}

export async function HEAD(request: NextRequest, context: Context) {
  return forward(request, context, false);
}
