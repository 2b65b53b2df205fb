/*
 * The reviewed allow-list of everything a visitor may call without signing in. Every server
 * action not listed here must be built with userFormAction (which checks the session first);
 * every route handler must be listed with the check it makes itself. tests/unit/entry-points
 * enumerates the actions and route handlers from the source and fails on anything new that is
 * neither, and e2e/entry-points.spec.ts calls each one as an anonymous visitor.
 */

/** Public server actions, by file, with why each may be called by anyone. */
export const publicActions: Record<string, Record<string, string>> = {
  "app/(shop)/cart/actions.ts": {
    addToCartAction: "touches only the cart the caller's own cookie (or own session) names",
    updateCartItemAction: "touches only the cart the caller's own cookie (or own session) names",
    removeCartItemAction: "touches only the cart the caller's own cookie (or own session) names",
  },
  "app/(shop)/back-in-stock/actions.ts": {
    requestBackInStockAction: "one email about one sold-out option: live at once only for the signed-in account's own address, otherwise a double opt-in; rate-limited per address and per client",
    confirmBackInStockAction: "the credential is the emailed confirmation token",
  },
  "app/(shop)/checkout/actions.ts": {
    placeOrderAction: "guests may check out; it orders only the caller's own cart; attempts limited per client and per cart, wrong discount codes per client and per cart",
  },
  "app/(shop)/login/actions.ts": {
    requestSignInLinkAction: "anyone may ask for a link; it only works from the inbox; rate-limited",
  },
  "app/(shop)/newsletter/actions.ts": {
    subscribeAction: "starts a double opt-in only; rate-limited per address and per client",
    subscribeFromFooterAction: "the same as subscribeAction, from the footer",
    confirmSubscriptionAction: "the credential is the emailed confirmation token",
  },
  "app/(shop)/preferences/[token]/actions.ts": {
    updatePreferencesAction: "the credential is the signed preferences token in the form; failed token checks limited per client",
  },
  "app/account/actions.ts": {
    signOutAction: "can only end the caller's own session",
  },
};

/** Route handlers, by file and method, with the check each makes itself (all of them, public or not). */
export const routeHandlers: Record<string, Record<string, string>> = {
  "app/admin/products/export/route.ts": { GET: "requirePermission(\"catalog:read\"): 401 anonymous, 403 for a role without it" },
  "app/account/privacy/export/route.ts": { GET: "the signed-in person's own data only; 401 for anyone else" },
  "app/admin/customers/[id]/export/route.ts": { GET: "requirePermission(customers:export), then a recent sign-in (else back to the page to confirm); audited" },
  "app/admin/exports/orders.csv/route.ts": { GET: "requirePermission(exports:read); audited" },
  "app/admin/exports/order-lines.csv/route.ts": { GET: "requirePermission(exports:read); audited" },
  "app/admin/exports/customers.csv/route.ts": { GET: "requirePermission(exports:read); audited" },
  "app/admin/exports/subscribers.csv/route.ts": { GET: "requirePermission(exports:read); audited" },
  "app/admin/marketing/subscribers/export.csv/route.ts": { GET: "requirePermission(marketing:read), then a recent sign-in (else back to the list to confirm); audited" },
  "app/admin/marketing/segments/count/route.ts": { GET: "requirePermission(\"marketing:read\"): 401 anonymous, 403 for a role without it; counts only, no personal data" },
  "app/admin/marketing/campaigns/preview/route.ts": { POST: "requirePermission(\"marketing:read\") before the body is read; renders the posted draft for a sample recipient, body size capped" },
  "app/admin/marketing/campaigns/[id]/progress/route.ts": { GET: "requirePermission(\"marketing:read\"): 401 anonymous, 403 for a role without it (even at a made-up id); counts only" },
  "app/api/analytics/view/route.ts": { POST: "public page-view beacon: a path only, counted without cookies (never for bots, Sec-GPC or DNT); answers 204 either way, changes nothing else" },
  "app/(shop)/links/route.ts": { GET: "the public link page: cached HTML built from the catalogue and the shop's settings, nothing about the visitor" },
  "app/(shop)/links/subscribe/route.ts": {
    POST: "only from the shop's own pages (same-origin, else 403); starts a double opt-in only, rate-limited per address and per client, like subscribeFromFooterAction",
  },
  "app/admin/marketing/links/[id]/qr.svg/route.ts": { GET: "requirePermission(\"marketing:read\"): 401 anonymous, 403 for a role without it (even at a made-up id), 404 for an unknown link" },
  "app/admin/marketing/links/[id]/qr.png/route.ts": { GET: "requirePermission(\"marketing:read\"): 401 anonymous, 403 for a role without it (even at a made-up id), 404 for an unknown link" },
  "app/go/[slug]/route.ts": {
    GET: "a tracked short link: forwards only to a path on the shop (origin from SITE_URL, never the request); counts a click without a cookie (not bots, not Sec-GPC/DNT); unknown slugs are the shop's 404 (proxy.ts)",
    HEAD: "the same answer as GET, counting nothing",
  },
  "app/api/health/route.ts": { GET: "public liveness check; says only ok/degraded and the database latency" },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: "only the email callback answers (a redirect to the confirm page); everything else is 404",
    POST: "only the email callback, only from the shop's own pages (same-origin); everything else is 404",
  },
  "app/api/catalog/stock/route.ts": { POST: "bearer token INVENTORY_WEBHOOK_SECRET, compared in constant time; off when unset" },
  "app/api/webhooks/resend/route.ts": {
    POST: "Standard Webhooks signature with RESEND_WEBHOOK_SECRET on the raw body, timestamp within 5 minutes, each id applied once; off when unset",
  },
  "app/uploads/[...key]/route.ts": {
    GET: "product photos are public like the catalogue; only shop-generated keys (no paths) are read, anything else is 404",
  },
  "app/api/unsubscribe/[token]/route.ts": { POST: "the credential is the signed unsubscribe token in the URL (RFC 8058); failed token checks limited per client (429 + Retry-After)" },
  "app/r/[token]/route.ts": { GET: "a campaign link: only destinations the shop signed (else 404; failed checks limited per client, 429 + Retry-After); counts a click per campaign and link; per reader only with the shop's individual click tracking on" },
};
