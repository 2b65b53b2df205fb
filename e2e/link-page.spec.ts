import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { signedInAs } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";
import { uniqueAddress } from "./support/mailbox";

/*
 * The link page: a marketer orders its links in admin and /links shows them in that order;
 * /links carries no script at all, so its signup form works with JavaScript off; another
 * site's form cannot post to it; and only the marketing team may edit it.
 */

const MARKETER = "marketer@emberandoak.example";
const EDITOR = "/admin/marketing/link-page";

/** The featured links' labels on the public page, top to bottom. */
async function publicLabels(page: Page) {
  await page.goto("/links");
  return (await page.getByRole("navigation", { name: "Featured links" }).getByRole("link").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
}

test("a marketer adds, reorders and removes links, and /links shows them in that order", async ({ browser }) => {
  const tag = randomUUID().slice(0, 6);
  const first = `Open day ${tag}`;
  const second = `All our linen ${tag}`;
  const { context, page } = await signedInAs(browser, MARKETER);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Link page" }).click();
  await expect(page.getByRole("heading", { name: "Link page", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "View page" })).toHaveAttribute("href", "/links");

  const add = page.getByRole("form", { name: "Add a link" });
  const list = page.getByRole("list", { name: "Featured links, in order" });

  // A custom address must be one a shopper can safely follow.
  await add.getByRole("radio", { name: "Another address" }).check();
  await add.getByRole("textbox", { name: "Address" }).fill("javascript:alert(1)");
  await add.getByRole("textbox", { name: /^Label/ }).fill(first);
  await add.getByRole("button", { name: "Add link" }).click();
  await expect(add.getByText(/Enter a full address starting with https:\/\//)).toBeVisible();
  await expect(list).not.toContainText(first);

  await add.getByRole("textbox", { name: "Address" }).fill("/privacy");
  await add.getByRole("button", { name: "Add link" }).click();
  await expect(list).toContainText(first);

  await add.getByRole("radio", { name: "A collection" }).check();
  await add.getByRole("combobox", { name: "Collection" }).selectOption({ label: "Linen" });
  await add.getByRole("textbox", { name: /^Label/ }).fill(second);
  await add.getByRole("button", { name: "Add link" }).click();
  await expect(list).toContainText(second);

  // A product link with no label shows the product's title.
  await add.getByRole("radio", { name: "A product" }).check();
  await add.getByRole("combobox", { name: "Product" }).selectOption({ label: "Bud vase" });
  await add.getByRole("button", { name: "Add link" }).click();
  await expect(list.getByRole("listitem").last()).toContainText("Bud vase");

  expect(await publicLabels(page)).toEqual(expect.arrayContaining([first, second, "Bud vase"]));
  let labels = await publicLabels(page);
  expect(labels.indexOf(first)).toBeLessThan(labels.indexOf(second));

  // Move the collection above the custom link, with the buttons (no dragging).
  await page.goto(EDITOR);
  await list.getByRole("button", { name: `Move “${second}” up` }).click();
  await expect(list.getByRole("listitem")).toContainText([second, first, "Bud vase"]);
  labels = await publicLabels(page);
  expect(labels.indexOf(second)).toBeLessThan(labels.indexOf(first));
  expect(labels.indexOf(first)).toBeLessThan(labels.indexOf("Bud vase"));

  // Remove them all again; the page no longer shows them.
  await page.goto(EDITOR);
  for (const name of [first, second, "Bud vase"]) {
    await list.getByRole("button", { name: `Remove “${name}”` }).click();
    await expect(list.getByRole("button", { name: `Remove “${name}”` })).toHaveCount(0);
  }
  labels = await publicLabels(page);
  expect(labels).not.toContain(first);
  expect(labels).not.toContain(second);

  const [audit] = await query((sql) => sql`select count(*)::int as n from audit_log where action like 'link-page.%' and actor_email = ${MARKETER} and created_at > now() - interval '5 minutes'`);
  expect(audit!.n).toBeGreaterThanOrEqual(7);
  await context.close();
});

test("/links is one HTML document with no script, loading nothing but the shop's own logo, and passes axe on a phone", async ({ page }) => {
  const requests: { url: string; type: string }[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  await page.setViewportSize({ width: 390, height: 844 });
  const response = await page.goto("/links");
  expect(response!.status()).toBe(200);
  expect(response!.headers()["content-type"]).toBe("text/html; charset=utf-8");

  await expect(page.getByRole("heading", { name: "Ember & Oak", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Instagram" })).toHaveAttribute("href", /instagram\.com/);
  await expect(page.getByRole("form", { name: "Subscribe to our emails" })).toBeVisible();
  expect(await page.locator("script").count()).toBe(0);
  expect(requests.filter((r) => r.type === "script")).toEqual([]);
  expect(requests.filter((r) => !r.url.startsWith(baseURL))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("signing up from /links works with JavaScript off and records the link page as the source", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueAddress("links");

  // No topic ticked: sent to /newsletter, which says what to fix.
  await page.goto("/links");
  const form = page.getByRole("form", { name: "Subscribe to our emails" });
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\?problem=topics$/);
  await expect(page.getByText("Please tick at least one kind of email you would like.")).toBeVisible();

  await page.goto("/links");
  await form.getByRole("checkbox", { name: /Offers and events/ }).check();
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\/check-email$/);
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();

  const events = await query(
    (sql) => sql`select e.action, e.source, e.purpose, s.confirmed_at from consent_events e join subscribers s on s.id = e.subscriber_id where s.email = ${email}`,
  );
  expect(events).toEqual([{ action: "requested", source: "links-page", purpose: "newsletter:offers", confirmed_at: null }]);
  await context.close();
});

test("another site's form cannot post to the signup handler: 403, and nothing is recorded", async ({ page, request }) => {
  const email = uniqueAddress("crosssite");
  // A real browser submitting a form from a page that is not the shop's.
  await page.setContent(`<form method="post" action="${baseURL}/links/subscribe"><input name="email" value="${email}"><input name="source" value="links-page"><input name="newsletter:offers" value="yes"><button>Go</button></form>`);
  const [answer] = await Promise.all([page.waitForResponse(`${baseURL}/links/subscribe`), page.getByRole("button", { name: "Go" }).click()]);
  expect(answer.status()).toBe(403);
  // And a script naming another origin.
  const scripted = await request.post("/links/subscribe", { form: { email, source: "links-page", "newsletter:offers": "yes" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(scripted.status()).toBe(403);
  const [row] = await query((sql) => sql`select count(*)::int as n from subscribers where email = ${email}`);
  expect(row!.n).toBe(0);
});

test("the editor passes axe, and staff without the marketing permission cannot open it", async ({ browser }) => {
  const marketer = await signedInAs(browser, MARKETER);
  await marketer.page.goto(EDITOR);
  await expect(marketer.page.getByRole("heading", { name: "Featured links" })).toBeVisible();
  expect(await seriousViolations(marketer.page)).toEqual([]);
  await marketer.context.close();

  const staff = await signedInAs(browser, "staff@emberandoak.example");
  await staff.page.goto("/admin");
  await expect(staff.page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(staff.page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Link page" })).toHaveCount(0);
  await staff.page.goto(EDITOR);
  await expect(staff.page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await staff.context.close();
});
