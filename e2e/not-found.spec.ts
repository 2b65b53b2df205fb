import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoPeople } from "../db/seed-data";
import { sessionCookieFor } from "./support/auth";

/*
 * "Not found" is a 404 wherever the framework lets the shop say so. Under `cacheComponents`
 * a page that calls notFound() has already streamed a 200 (vercel/next.js#98518, fix pending
 * in vercel/next.js#95561, not in Next 16.4.6), so proxy.ts decides what it can before
 * rendering: unknown products and collections (lib/catalog/route-index.ts), guest order links
 * without a valid token, broken percent-encoding, and record pages whose id is malformed
 * (lib/http/record-paths.ts).
 */

async function cookieFor(email: string) {
  const cookie = await sessionCookieFor(email);
  return `${cookie.name}=${cookie.value}`;
}

async function status(request: APIRequestContext, path: string, cookie?: string) {
  const response = await request.get(path, { headers: cookie ? { cookie } : {}, maxRedirects: 0 });
  return response.status();
}

const uuid = "00000000-0000-4000-8000-000000000000";

test("pages for things that do not exist answer 404, to anyone", async ({ request }) => {
  for (const path of [
    "/products/no-such-product",
    "/collections/no-such-collection",
    "/no-such-page",
    `/orders/${uuid}?token=forged`,
    "/search/mugs/extra",
    "/go/no-such-link-here",
  ]) {
    expect(await status(request, path), path).toBe(404);
  }
});

test("record pages with an id no record can have answer 404, signed in or not", async ({ request }) => {
  const admin = await cookieFor(demoPeople.admin.email);
  const shopper = await cookieFor(demoPeople.shopper.email);
  const cases: [string, string | undefined][] = [
    ["/account/orders/not-an-order", shopper],
    ["/account/orders/not-an-order", undefined],
    ["/account/no-such-page", shopper],
    ["/admin/orders/not-an-order", admin],
    ["/admin/products/not-a-product", admin],
    ["/admin/customers/not%20a%20customer", admin],
    ["/admin/discounts/x1", admin],
    ["/admin/marketing/campaigns/not-a-campaign", admin],
    ["/admin/marketing/segments/not-a-segment", admin],
    ["/admin/marketing/subscribers/not-a-subscriber", admin],
    ["/admin/marketing/links/0", admin],
    // Anonymous visitors learn nothing from it: the shape of an id is no secret.
    ["/admin/orders/not-an-order", undefined],
  ];
  for (const [path, cookie] of cases) expect(await status(request, path, cookie), `${path} ${cookie ? "signed in" : "anonymous"}`).toBe(404);
  // The fixed pages beside the records are still there.
  for (const path of ["/admin/products/new", "/admin/discounts/new", "/admin/marketing/campaigns/new", "/admin/marketing/links/new"]) {
    expect(await status(request, path, admin), path).toBe(200);
  }
});

// A tripwire: when Next.js answers notFound() with a 404 under cacheComponents, this starts
// passing and Playwright reports it, so the workaround above can go and this can assert 404.
test.fail("record pages with a well-formed id that names nothing answer 404 (blocked on vercel/next.js#98518)", async ({ request }) => {
  const admin = await cookieFor(demoPeople.admin.email);
  const shopper = await cookieFor(demoPeople.shopper.email);
  const cases: [string, string][] = [
    [`/account/orders/${uuid}`, shopper],
    [`/admin/orders/${uuid}`, admin],
    ["/admin/products/999999", admin],
    [`/admin/customers/${uuid}`, admin],
    ["/admin/discounts/999999", admin],
    [`/admin/marketing/campaigns/${uuid}`, admin],
    [`/admin/marketing/segments/${uuid}`, admin],
    [`/admin/marketing/subscribers/${uuid}`, admin],
    ["/admin/marketing/links/999999", admin],
  ];
  for (const [path, cookie] of cases) expect.soft(await status(request, path, cookie), path).toBe(404);
});
