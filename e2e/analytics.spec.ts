import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { signedInAs } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";
import { uniqueAddress } from "./support/mailbox";

/*
 * Cookieless visit counting as a browser meets it. Every test browses with a user agent of its
 * own: the e2e browsers share one address, and a visitor is a hash of address and browser.
 */
const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function visitor(browser: Browser, headers: Record<string, string> = {}) {
  const context = await browser.newContext({ userAgent: `${chrome} e2e/${randomUUID()}`, extraHTTPHeaders: headers });
  return { context, page: await context.newPage() };
}

/** Page views tagged with this campaign, once the server's buffer (flushed every second) has been written. */
async function viewsOf(campaign: string, settle = false) {
  if (settle) await new Promise((r) => setTimeout(r, 2_500));
  return query((sql) => sql<{ path: string; entrance: boolean; channel: string | null; visitor_hash: string }[]>`
    select path, entrance, channel, visitor_hash from page_views
    where visitor_hash in (select visitor_hash from page_views where utm_campaign = ${campaign}) order by id`);
}

test("a visit from a tagged post is counted once, in-app page changes add views, and only the post's name is kept in a cookie", async ({ browser }) => {
  const campaign = `spring-${randomUUID().slice(0, 8)}`;
  const { context, page } = await visitor(browser);
  await page.goto(`/products/everyday-mug?utm_source=Pinterest&utm_medium=social&utm_campaign=${campaign}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // An in-app navigation (no new document): the beacon reports it.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect(page).not.toHaveURL(/everyday-mug/);
  await expect.poll(async () => (await viewsOf(campaign)).length, { timeout: 10_000 }).toBe(2);
  const views = await viewsOf(campaign);
  expect(views[0]).toMatchObject({ path: "/products/everyday-mug", entrance: true, channel: "pinterest" });
  expect(views[1]).toMatchObject({ entrance: false, channel: null });
  expect(views[1]!.path).not.toBe("/products/everyday-mug");
  expect(views[1]!.visitor_hash).toBe(views[0]!.visitor_hash);

  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toEqual(["hearth_from"]);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Lax", expires: -1 });
  // Only the post's labels, signed so they cannot be edited to credit another post.
  expect(decodeURIComponent(cookies[0]!.value)).toMatch(new RegExp(`^s=pinterest&m=social&c=${campaign}&sig=[\\w-]{43}$`));
  await context.close();
});

test("a browser that sends Sec-GPC: 1 is not counted and gets no cookie; the same visit without it is", async ({ browser }) => {
  const quiet = `gpc-${randomUUID().slice(0, 8)}`;
  const gpc = await visitor(browser, { "Sec-GPC": "1" });
  await gpc.page.goto(`/collections/ceramics?utm_source=instagram&utm_campaign=${quiet}`);
  await gpc.page.goto("/products/everyday-mug");
  expect(await gpc.context.cookies()).toEqual([]);
  await gpc.context.close();

  const counted = `control-${randomUUID().slice(0, 8)}`;
  const plain = await visitor(browser);
  await plain.page.goto(`/collections/ceramics?utm_source=instagram&utm_campaign=${counted}`);
  await expect.poll(async () => (await viewsOf(counted)).length, { timeout: 10_000 }).toBe(1);
  await plain.context.close();
  expect(await viewsOf(quiet, true)).toEqual([]);
});

test("a search engine's crawler is not counted as a visit", async ({ browser }) => {
  const campaign = `crawl-${randomUUID().slice(0, 8)}`;
  const context = await browser.newContext({ userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
  const page = await context.newPage();
  await page.goto(`/?utm_source=google&utm_campaign=${campaign}`);
  await context.close();
  expect(await viewsOf(campaign, true)).toEqual([]);
});

test("the Channels page credits a tagged visit with its order and revenue, and staff cannot open it", async ({ browser }) => {
  test.slow();
  const channel = `e2e${randomUUID().slice(0, 8)}`;
  const { context, page } = await visitor(browser);
  await page.goto(`/products/linen-napkins?utm_source=${channel}&utm_medium=social&utm_campaign=launch`);
  await addToCart(page, "/products/linen-napkins?variant=LINNAP-SAGE");
  await page.getByRole("link", { name: "Check out" }).click();
  const checkout = new CheckoutPage(page);
  await checkout.fill({ email: uniqueAddress("channel"), name: "Grace Hopper", line1: "1 Harbour Road", city: "Bristol", postalCode: "BS1 4RN" });
  await checkout.placeOrder();
  await expect(page).toHaveURL(/\/orders\//);
  const total = (await page.getByTestId("order-total").textContent())!.trim();
  await context.close();

  const marketer = await signedInAs(browser, "marketer@emberandoak.example");
  const row = marketer.page.getByRole("region", { name: /by channel/ }).getByRole("row", { name: new RegExp(channel) });
  await expect
    .poll(
      async () => {
        await marketer.page.goto("/admin/marketing/channels?days=7");
        return row.count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await expect(row.getByRole("cell")).toHaveText(["1", "0", "1", total, "100%"]);
  expect(await seriousViolations(marketer.page)).toEqual([]);
  await marketer.context.close();

  const staff = await signedInAs(browser, "staff@emberandoak.example");
  await staff.page.goto("/admin/marketing/channels");
  await expect(staff.page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await staff.context.close();
});
