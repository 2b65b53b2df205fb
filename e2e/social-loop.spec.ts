import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { latestEmail, linkIn, signedInAs } from "./support/auth";
import { query } from "./support/database";
import { uniqueAddress } from "./support/mailbox";

/*
 * The loop Hearth is named for, end to end: a marketer makes a short link for a post; someone
 * follows it, browses, subscribes and orders; the Channels page credits that link with one
 * visit, one signup and one order with its revenue. The same link followed by a browser that
 * sends Sec-GPC, or by a crawler, is forwarded but counts nothing. Each visitor has a user
 * agent of its own (a visitor is the day's hash of address and browser).
 */
const chrome = (tag: string) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 loop-${tag}`;

async function clicksOn(slug: string): Promise<number> {
  const [row] = await query((sql) => sql`select count(c.id)::int as n from tracked_links l left join link_clicks c on c.link_id = l.id where l.slug = ${slug} group by l.id`);
  return (row?.n as number | undefined) ?? 0;
}

test("a post's short link brings a visit, a subscriber and an order, and the Channels page credits the link with each", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 8);
  const slug = `loop-${tag}`;

  // The marketer makes the link for tonight's post.
  const marketer = await signedInAs(browser, "marketer@emberandoak.example");
  await marketer.page.goto("/admin/marketing/links/new");
  const form = marketer.page.getByRole("form", { name: "New short link" });
  await form.getByLabel("Destination", { exact: true }).selectOption({ label: "Linen napkins, set of 4" });
  await form.getByLabel("Source", { exact: true }).fill("instagram");
  await form.getByLabel("Campaign", { exact: true }).fill(`Loop ${tag}`);
  await expect(form.getByLabel("Slug", { exact: true })).toHaveValue(slug);
  await form.getByRole("button", { name: "Create short link" }).click();
  await expect(marketer.page.getByRole("heading", { level: 1, name: `/go/${slug}` })).toBeVisible();

  // Someone follows it from Instagram, looks around, subscribes and orders.
  const shopper = await browser.newContext({ userAgent: chrome(tag) });
  const page = await shopper.newPage();
  await page.goto(`/go/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/products/linen-napkins\\?utm_source=instagram&utm_medium=social&utm_campaign=Loop\\+${tag}`));
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect(page).not.toHaveURL(/linen-napkins/);

  const email = uniqueAddress("loop");
  await page.goto("/newsletter");
  const signup = page.getByRole("main").getByRole("form", { name: "Subscribe to our emails" });
  await signup.getByRole("checkbox", { name: /New arrivals/ }).check();
  await signup.getByLabel("Email address").fill(email);
  await signup.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();
  await page.goto(linkIn(await latestEmail(email, /confirm your subscription/), /\/newsletter\/confirm\?token=/));
  await page.getByRole("button", { name: "Yes, subscribe me" }).click();
  await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  // The welcome email says where the subscription came from, in words.
  expect((await latestEmail(email, /^Welcome to/)).text).toMatch(/after following a link from instagram/);

  await addToCart(page, "/products/linen-napkins?variant=LINNAP-SAGE");
  await page.getByRole("link", { name: "Check out" }).click();
  await new CheckoutPage(page).fill({ email, name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH" });
  await new CheckoutPage(page).placeOrder();
  await expect(page).toHaveURL(/\/orders\//);
  const total = (await page.getByTestId("order-total").textContent())!.trim();
  await shopper.close();

  // The Channels page credits the link: one visit, one signup, one order and its revenue.
  const row = marketer.page.getByRole("region", { name: /by tracked link/ }).getByRole("row", { name: new RegExp(`/go/${slug}`) });
  await expect
    .poll(
      async () => {
        await marketer.page.goto("/admin/marketing/channels?days=7");
        return row.getByRole("cell").allTextContents();
      },
      { timeout: 20_000 },
    )
    .toEqual(["1", "1", "1", total, "100%"]);

  // The same link, followed by a browser that asks not to be tracked: forwarded, not counted.
  const quiet = await browser.newContext({ userAgent: chrome(`${tag}-gpc`), extraHTTPHeaders: { "Sec-GPC": "1" } });
  const quietPage = await quiet.newPage();
  await quietPage.goto(`/go/${slug}`);
  await expect(quietPage).toHaveURL(/\/products\/linen-napkins\?utm_source=instagram/);
  expect(await quiet.cookies()).toEqual([]);
  await quiet.close();
  // And by a crawler: forwarded, not counted.
  const crawl = await marketer.page.request.get(`/go/${slug}`, { headers: { "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }, maxRedirects: 0 });
  expect(crawl.status()).toBe(302);
  await new Promise((r) => setTimeout(r, 2_500));
  expect(await clicksOn(slug)).toBe(1);
  await marketer.page.reload();
  await expect(row.getByRole("cell").first()).toHaveText("1");
  await marketer.context.close();
});
