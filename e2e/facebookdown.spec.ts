import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { formatRetentionPeriod, retentionRules } from "../lib/privacy/retention";
import { addToCart, CartPage } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { latestEmail, linkIn, signIn } from "./support/auth";
import { uniqueAddress } from "./support/mailbox";

/*
 * The #facebookdown drill: the shop has no runtime dependency on any social platform (or any
 * other company's servers). Every browser here has the rest of the internet cut off: a request
 * to any host but the shop's own is aborted and recorded, and the record must stay empty. The
 * server side needs nothing outside either: emails go to the local capture server.
 */

/** Aborts every request that leaves the shop's own host, and returns the list of those tried. */
async function cutOffEverythingButTheShop(context: BrowserContext, baseURL: string): Promise<string[]> {
  const own = new URL(baseURL).host;
  const thirdParty: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === own) return route.continue();
    thirdParty.push(url.href);
    return route.abort("internetdisconnected");
  });
  return thirdParty;
}

/** Opens a page and scrolls to its foot, so lazily loaded images are requested too. */
async function visit(page: Page, url: string) {
  const response = await page.goto(url, { waitUntil: "networkidle" });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  return response;
}

const browsing = ["/", "/collections/ceramics", "/products/everyday-mug", "/search?q=linen"];

/** Every test here runs cut off, with `thirdParty` listing what its pages tried to reach. */
const test = base.extend<{ thirdParty: string[] }>({
  thirdParty: [async ({ context, baseURL }, use) => use(await cutOffEverythingButTheShop(context, baseURL!)), { auto: true }],
});

test("the drill notices and blocks a request to another host (so an empty list means something)", async ({ page, thirdParty }) => {
  await page.goto("/");
  const outcome = await page.evaluate(() => fetch("https://connect.facebook.net/en_US/sdk.js").then(() => "loaded", () => "unreachable"));
  expect(outcome).toBe("unreachable");
  expect(thirdParty).toEqual(["https://connect.facebook.net/en_US/sdk.js"]);
});

for (const url of browsing) {
  test(`${url} loads whole with every other host unreachable, and asks none of them for anything`, async ({ page, baseURL, thirdParty }) => {
    const origin = new URL(baseURL!).origin;
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const response = await visit(page, url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Its own stylesheets, scripts and images did load (and not from anywhere else).
    expect(requests.filter((r) => r.startsWith(origin)).length).toBeGreaterThan(1);
    expect(await page.evaluate(() => [...document.images].filter((img) => img.complete && img.naturalWidth === 0).map((img) => img.src))).toEqual([]);
    expect(thirdParty).toEqual([]);
  });
}

test("browsing sets no cookies", async ({ page, context, thirdParty }) => {
  for (const url of browsing) await page.goto(url);
  expect(await context.cookies()).toEqual([]);
  expect(thirdParty).toEqual([]);
});

test("with the rest of the internet down, a shopper browses, checks out as a guest, signs in by email and subscribes", async ({ page, thirdParty }) => {
  test.slow();
  const email = uniqueAddress("facebookdown");

  // Browse: home → a collection (by the main navigation) → a product; search.
  await visit(page, "/");
  await page.getByRole("navigation", { name: "Collections" }).getByRole("link", { name: "Linen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Linen" })).toBeVisible();
  await page.getByRole("link", { name: "Linen napkins" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Linen napkins" })).toBeVisible();
  await visit(page, "/search");
  await page.getByRole("searchbox", { name: "Search products" }).fill("mug");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toContainText("for “mug”");

  // Cart and guest checkout.
  await addToCart(page, "/products/linen-napkins?variant=LINNAP-SAGE");
  await expect(new CartPage(page).line("Linen napkins")).toBeVisible();
  await page.getByRole("link", { name: "Check out" }).click();
  const checkout = new CheckoutPage(page);
  await checkout.fill({ email, name: "Grace Hopper", line1: "1 Harbour Street", city: "Leith", postalCode: "EH6 6LP" });
  await checkout.placeOrder();
  await expect(page.getByRole("heading", { name: "Thank you, Grace" })).toBeVisible();
  const number = ((await page.getByText(/^Order H-\d+$/).textContent()) ?? "").replace("Order ", "");
  expect((await latestEmail(email, /^Your order/)).subject).toBe(`Your order ${number}`);

  // Sign in with the emailed link (the order's address), then sign out again.
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.context().clearCookies();

  // Newsletter: the double opt-in, from the form to the confirmation button.
  await visit(page, "/newsletter");
  const form = page.getByRole("main").getByRole("form", { name: "Subscribe to our emails" });
  await form.getByRole("checkbox", { name: /New arrivals/ }).check();
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();
  await page.goto(linkIn(await latestEmail(email, /confirm your subscription/), /\/newsletter\/confirm\?token=/));
  await page.getByRole("button", { name: "Yes, subscribe me" }).click();
  await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();

  // The privacy notice, with how long each thing is kept (the retention job's own periods).
  await visit(page, "/privacy");
  const retention = page.getByRole("region", { name: "How long we keep things" });
  for (const rule of retentionRules) {
    await expect(retention.getByText(rule.what, { exact: true })).toBeVisible();
    await expect(retention.getByText(`Deleted ${formatRetentionPeriod(rule.period)} ${rule.after}.`)).toBeVisible();
  }

  // The link-in-bio page is the one a social profile points at.
  const links = await visit(page, "/links");
  expect(links?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  expect(thirdParty).toEqual([]);
});
