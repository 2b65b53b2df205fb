/**
 * Pages of one record (/admin/orders/<id>, /account/orders/<id>…) whose id is not even
 * well-formed: a plain 404 from proxy.ts, decided before anything renders. The page itself
 * calls notFound() for these, but under `cacheComponents` Next.js has already sent a 200 by
 * then (vercel/next.js#98518; the fix, vercel/next.js#95561, is not released). The shape of
 * an id is public knowledge, so answering 404 before the permission check tells nobody
 * anything; a well-formed id that names nothing still gets the page's own not-found (a 200,
 * until Next.js is fixed), after the page has checked who is asking.
 *
 * Each id rule is the one the record's query applies before it reads anything (or looser),
 * so no real record is ever refused here. `siblings` are the fixed pages beside the record
 * (tests/unit/record-paths.test.ts fails when a new one is not listed).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const recordPages: { path: string; id: RegExp; siblings: string[] }[] = [
  // getOrderById (db/queries/orders.ts)
  { path: "/account/orders", id: UUID, siblings: [] },
  // getAdminOrder (db/queries/admin-orders.ts)
  { path: "/admin/orders", id: UUID, siblings: [] },
  // the page's own rule (app/admin/products/[id]/page.tsx)
  { path: "/admin/products", id: /^\d{1,9}$/, siblings: ["new", "export", "import"] },
  // the page's own rule (app/admin/customers/[id]/page.tsx)
  { path: "/admin/customers", id: /^[A-Za-z0-9-]{1,64}$/, siblings: [] },
  // the page's own rule (app/admin/discounts/[id]/page.tsx)
  { path: "/admin/discounts", id: /^\d{1,9}$/, siblings: ["new"] },
  // getCampaign (db/queries/campaigns.ts)
  { path: "/admin/marketing/campaigns", id: UUID, siblings: ["new", "preview"] },
  // getSegment (db/queries/segments.ts)
  { path: "/admin/marketing/segments", id: UUID, siblings: ["new", "count"] },
  // getSubscriber (db/queries/consent.ts)
  { path: "/admin/marketing/subscribers", id: /^[0-9a-f-]{36}$/i, siblings: ["export.csv", "import"] },
  // the page's own rule (app/admin/marketing/links/[id]/page.tsx)
  { path: "/admin/marketing/links", id: /^[1-9]\d{0,9}$/, siblings: ["new"] },
];

/**
 * Whether the path is a record page whose id cannot name a record. Route handlers below a
 * record (…/<id>/export) answer for themselves: 401/403 first, whatever the id.
 */
export function isMalformedRecordPath(pathname: string): boolean {
  for (const page of recordPages) {
    if (!pathname.startsWith(`${page.path}/`)) continue;
    const id = pathname.slice(page.path.length + 1);
    if (id.includes("/")) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      return true;
    }
    return !page.siblings.includes(decoded) && !page.id.test(decoded);
  }
  return false;
}
