import { slugify } from "@/lib/catalog/slug";

/*
 * The rules of a tracked short link (/go/<slug>), pure so the admin form, its action, the
 * redirect and the tests share them: what a slug may look like, which destinations are allowed
 * (a page of this shop, never another site: the redirect must not be an open redirect), and
 * the URL a click is forwarded to.
 */

/** The same rule as the table's check constraint (db/schema/analytics.ts). */
export const TRACKED_LINK_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const SLUG_MAX = 63;

export function isTrackedLinkSlug(value: string): boolean {
  return TRACKED_LINK_SLUG.test(value);
}

/** A slug suggested from the campaign (or label), which the marketer may change. */
export function suggestSlug(...sources: (string | null | undefined)[]): string {
  for (const source of sources) {
    const slug = slugify(source ?? "").slice(0, SLUG_MAX).replace(/-+$/g, "");
    if (slug) return slug;
  }
  return "";
}

/** Platforms offered as utm_source; any other lower-case name may be typed. */
export const utmSourceSuggestions = ["instagram", "facebook", "tiktok", "youtube", "pinterest", "x", "threads", "bluesky", "linkedin", "newsletter", "whatsapp", "print"] as const;
export const DEFAULT_UTM_MEDIUM = "social";
export const utmMediumSuggestions = ["social", "email", "video", "paid-social", "print", "qr"] as const;

/** utm_source and utm_medium are grouped on the Channels page, so they are kept to a simple lower-case word. */
export const UTM_NAME = /^[a-z0-9][a-z0-9._-]{0,59}$/;
/** utm_campaign and utm_content are free labels: letters, digits, spaces and . _ + - (what survives any URL and report). */
export const UTM_LABEL = /^[\p{L}\p{N}][\p{L}\p{N} ._+-]{0,99}$/u;

/** The destination picker's value for "a path I type myself". */
export const OTHER_DESTINATION = "other";

/** Paths the shop never forwards to: another short link (a loop), the admin and the API. */
const REFUSED_SECTIONS = ["/go", "/admin", "/api"];

export type DestinationCheck = { ok: true; path: string } | { ok: false; message: string };

/**
 * A destination as stored: a path on the shop, with its own query and fragment if any. A full
 * URL is accepted only when it is on the shop's own origin (pasted from the address bar), and
 * kept as its path. Anything that a browser could read as another site is refused: an absolute
 * URL elsewhere, a scheme (javascript:, data:), a protocol-relative //host, and /\host (which
 * browsers treat like //host).
 */
export function checkDestination(raw: string, shopOrigin: string): DestinationCheck {
  const value = raw.trim();
  const refuse = (message: string): DestinationCheck => ({ ok: false, message });
  if (!value) return refuse("Choose where the link goes.");
  if (value.length > 500) return refuse("Keep the destination under 500 characters.");
  // Whitespace, control characters and backslashes have no place in a path a marketer picks.
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return refuse("A destination cannot contain spaces or backslashes.");
  let path = value;
  if (!value.startsWith("/")) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return refuse("Enter a path on the shop that starts with /, such as /collections/candles.");
    }
    if (url.origin !== new URL(shopOrigin).origin) return refuse("Short links only go to pages of this shop, never to another site.");
    path = `${url.pathname}${url.search}${url.hash}`;
  }
  if (path.startsWith("//")) return refuse("Short links only go to pages of this shop, never to another site.");
  let resolved: URL;
  try {
    resolved = new URL(path, "https://shop.invalid");
  } catch {
    return refuse("Enter a path on the shop that starts with /, such as /collections/candles.");
  }
  if (resolved.origin !== "https://shop.invalid") return refuse("Short links only go to pages of this shop, never to another site.");
  const pathname = resolved.pathname;
  if (pathname.startsWith("/_") || REFUSED_SECTIONS.some((section) => pathname === section || pathname.startsWith(`${section}/`))) {
    return refuse("Choose a page shoppers can open (not another short link, the admin or the API).");
  }
  return { ok: true, path: `${pathname}${resolved.search}${resolved.hash}` };
}

export type Utm = { source: string; medium: string; campaign: string; content: string | null };

/**
 * Where a click is forwarded: the shop's origin (from configuration, never from the request),
 * the destination, and the link's UTM parameters merged into the destination's own query
 * (the link's win over any utm_* already there, so the click is attributed to this link).
 */
export function forwardUrl(shopOrigin: string, destination: string, utm: Utm): string {
  const origin = new URL(shopOrigin).origin;
  const url = new URL(destination, `${origin}/`);
  // Defence in depth: a stored destination is checked on save and by the table's constraint.
  if (url.origin !== origin) return `${origin}/`;
  url.searchParams.set("utm_source", utm.source);
  url.searchParams.set("utm_medium", utm.medium);
  url.searchParams.set("utm_campaign", utm.campaign);
  if (utm.content) url.searchParams.set("utm_content", utm.content);
  else url.searchParams.delete("utm_content");
  return url.toString();
}

export function shortUrl(shopOrigin: string, slug: string): string {
  return `${new URL(shopOrigin).origin}/go/${slug}`;
}
