/**
 * Whether a POST comes from one of the shop's own pages. Browsers send `Sec-Fetch-Site` and
 * `Origin` with every POST and pages cannot forge either; a form on another site is
 * "cross-site" with its own origin. (Scripts outside a browser can send anything, but they
 * cannot act with a victim's cookies, which is what this guards.)
 */
export function isSameOriginPost(headers: Headers, siteOrigin: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).origin === new URL(siteOrigin).origin;
  } catch {
    return false;
  }
}
