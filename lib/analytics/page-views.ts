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
 * Nothing here waits on the database, and nothing here can fail the page: counting runs after
 * the answer is decided (it needs the day's salt, read once a day per process).
 */
export function countDocumentView(request: NextRequest, response: NextResponse) {
  if (request.method !== "GET" || !isDocumentRequest(request.headers)) return;
  const { pathname, searchParams } = request.nextUrl;
  if (countedPath(pathname) === null) return;
  const site = new URL(siteUrl());
  const landing = asksNotToBeTracked(request.headers) ? null : landingFrom(searchParams, externalReferrerHost(request.headers.get("referer"), site.hostname));
  if (landing) {
    const current = decodeLanding(request.cookies.get(LANDING_COOKIE)?.value);
    // Arriving from /go/<slug>, which already set the cookie with the link's id: keep it. And a
    // bare referral (a webmail's sign-in or order link, another tab) never replaces a campaign
    // already named in this session.
    const sameLink = current?.linkId && current.channel === landing.channel && current.campaign === landing.campaign && current.content === landing.content;
    const bareReferral = current && landing.medium === "referral";
    if (!sameLink && !bareReferral) response.cookies.set(LANDING_COOKIE, encodeLanding(landing), landingCookieOptions(site.protocol === "https:"));
  }
  const now = new Date();
  countableVisitor(request.headers, now)
    .then((visitor) => {
      if (visitor) recordPageView(visitor, pathname, searchParams, landing, now);
    })
    .catch((error: unknown) => console.error("Page view not counted:", error instanceof Error ? error.message : error));
}
