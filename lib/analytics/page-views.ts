import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { decodeLanding, encodeLanding, LANDING_COOKIE, landingCookieOptions, landingFrom } from "@/lib/attribution/landing";
import { siteUrl } from "@/lib/env";
import { countableVisitor, recordPageView } from "./collector";
import { asksNotToBeTracked, countedPath, externalReferrerHost, isDocumentRequest } from "./visitor";

/**
 * Called by proxy.ts for every page a browser loads as a document (catalogue pages are served
 * from the page cache, so the page itself cannot count): counts the view and, when the visit
 * arrives from somewhere, hands the browser the landing cookie (lib/attribution/landing.ts).
 * Nothing here waits on the database except, once a day per process, for the day's salt.
 */
export async function countDocumentView(request: NextRequest, response: NextResponse) {
  if (request.method !== "GET" || !isDocumentRequest(request.headers)) return;
  const { pathname, searchParams } = request.nextUrl;
  if (countedPath(pathname) === null) return;
  const site = new URL(siteUrl());
  const landing = asksNotToBeTracked(request.headers) ? null : landingFrom(searchParams, externalReferrerHost(request.headers.get("referer"), site.hostname));
  if (landing) {
    const current = decodeLanding(request.cookies.get(LANDING_COOKIE)?.value);
    // Arriving from /go/<slug>, which already set the cookie with the link's id: keep it.
    const sameLink = current?.linkId && current.channel === landing.channel && current.campaign === landing.campaign && current.content === landing.content;
    if (!sameLink) response.cookies.set(LANDING_COOKIE, encodeLanding(landing), landingCookieOptions(site.protocol === "https:"));
  }
  const visitor = await countableVisitor(request.headers);
  if (visitor) recordPageView(visitor, pathname, searchParams, landing);
}
