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

/**
 * Whether a request is a server-action post (a POST with a `Next-Action` header, or a
 * multipart form, which Next.js also reads as a possible action) whose Origin (or the host
 * Next.js compares it with) is not the shop's own. Next.js compares Origin with the Host header itself and, on a mismatch (or an
 * Origin it cannot parse), throws, which answers 500; the shop refuses such posts first. The
 * shop's origin is the configured one (SITE_URL), never one a request header names. Without
 * an Origin the post is a script's, which holds no victim's cookies: Next.js lets it through
 * and so does this.
 */
export function isCrossOriginActionPost(method: string, headers: Pick<Headers, "get">, siteOrigin: string): boolean {
  if (method !== "POST") return false;
  const isAction = headers.get("next-action") !== null || (headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  const origin = headers.get("origin");
  if (!isAction || origin === null) return false;
  let site: URL;
  try {
    site = new URL(siteOrigin);
    if (new URL(origin).origin !== site.origin) return true;
  } catch {
    // "null" (a sandboxed frame, a redirect across sites) or anything unreadable.
    return true;
  }
  // Next.js then compares the Origin with X-Forwarded-Host (or Host): a forged one that is not
  // the shop's is the same 500. (Behind a reverse proxy, it names the shop's public host.)
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host") || site.host) !== site.host;
}
