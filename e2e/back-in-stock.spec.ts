import { expect, test, type Page } from "@playwright/test";
import { latestEmail, linkIn, signedInAs } from "./support/auth";
import { query } from "./support/database";
import { emailsTo, uniqueAddress } from "./support/mailbox";
import { seriousViolations } from "./support/axe";
import { e2eServerSettings } from "./support/server-settings";

/*
 * "Email me when it's back" on a sold-out option (the seed's fingerless mitts are sold out in
 * both colours): a guest asks, confirms by the emailed link, staff restock in the admin, and
 * exactly one email arrives; more stock later sends nothing more. A signed-in shopper's own
 * address needs no link.
 */

const auth = { Authorization: `Bearer ${e2eServerSettings.inventoryWebhookSecret}` };
const backInStock = <M extends { subject: string }>(mails: M[], item: string) => mails.filter((m) => m.subject === `${item} is back in stock`);

async function askToBeEmailed(page: Page, email: string) {
  const form = page.getByRole("region", { name: "Email me when it's back" });
  await expect(form).toContainText("One email when this option is back in stock, then we forget your request.");
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Email me once" }).click();
}

/** Navy is the product's first variant. */
async function restockInAdmin(page: Page, stock: string) {
  await page.goto("/admin/products?q=FINMIT-NAVY");
  await page.getByRole("link", { name: "Fingerless mitts" }).click();
  const variant = page.getByRole("listitem", { name: "Variant 1" });
  await expect(variant.getByLabel("SKU")).toHaveValue("FINMIT-NAVY");
  await variant.getByLabel("Stock").fill(stock);
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText("Product saved").first()).toBeVisible();
}

test("a guest asks on a sold-out option, confirms by email, and gets exactly one email when staff restock", async ({ page, browser, request }) => {
  // A long journey (two emails, two restocks, a sell-out and back) that runs beside the rest of the suite.
  test.setTimeout(60_000);
  // Sold out, whatever an earlier run left (the webhook also refreshes the cached page).
  expect((await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "FINMIT-NAVY", stock: 0 }] } })).status()).toBe(200);
  const guest = uniqueAddress("back-in-stock");

  await page.goto("/products/fingerless-mitts?variant=FINMIT-NAVY");
  await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  await askToBeEmailed(page, "not-an-address");
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await askToBeEmailed(page, guest);
  await expect(page.getByTestId("back-in-stock-result")).toContainText("Nearly there: check your inbox.");
  await expect(page.getByTestId("back-in-stock-result")).toContainText(guest);

  // Nothing is live until the emailed link is used; opening it changes nothing by itself.
  const confirmation = await latestEmail(guest, /^Confirm: email me when Fingerless mitts is back$/);
  expect(confirmation.text).toContain("This does not sign you up to our newsletter.");
  const link = linkIn(confirmation, /\/back-in-stock\/confirm\?token=/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your request" })).toBeVisible();
  expect((await query((sql) => sql`select status from back_in_stock_requests where email = ${guest}`))[0]!.status).toBe("requested");
  await page.getByRole("button", { name: "Yes, email me once" }).click();
  await expect(page.getByRole("heading", { name: "You're on the list" })).toBeVisible();
  await expect(page.getByText(`We'll email ${guest} once when Fingerless mitts (Navy) is back in stock`)).toBeVisible();
  // Opening the link again only says so.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "You're on the list" })).toBeVisible();

  const staff = await signedInAs(browser, "staff@emberandoak.example");
  await restockInAdmin(staff.page, "4");
  await expect.poll(async () => backInStock(await emailsTo(guest), "Fingerless mitts (Navy)").length, { timeout: 10_000 }).toBe(1);
  const mail = backInStock(await emailsTo(guest), "Fingerless mitts (Navy)")[0]!;
  await page.goto(linkIn(mail, /\/products\/fingerless-mitts\?variant=FINMIT-NAVY/));
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
  await expect(page.getByRole("region", { name: "Email me when it's back" })).toHaveCount(0);

  // More stock, and even selling out and coming back again, sends nothing more: the request ended.
  await restockInAdmin(staff.page, "9");
  expect((await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "FINMIT-NAVY", stock: 0 }] } })).status()).toBe(200);
  expect((await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "FINMIT-NAVY", stock: 5 }] } })).status()).toBe(200);
  await page.waitForTimeout(1500);
  expect(backInStock(await emailsTo(guest), "Fingerless mitts (Navy)")).toHaveLength(1);
  // The request has ended and the address is forgotten.
  expect(await query((sql) => sql`select id from back_in_stock_requests where email = ${guest}`)).toHaveLength(0);
  await staff.context.close();
});

test("a signed-in shopper's own address is live at once, without a confirmation email", async ({ browser, request }) => {
  expect((await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "FINMIT-ECRU", stock: 0 }] } })).status()).toBe(200);
  const shopper = "shopper@emberandoak.example";
  const before = (await emailsTo(shopper)).length;
  const { context, page } = await signedInAs(browser, shopper);
  await page.goto("/products/fingerless-mitts?variant=FINMIT-ECRU");
  await askToBeEmailed(page, shopper);
  await expect(page.getByTestId("back-in-stock-result")).toContainText("We'll email you once when it's back.");
  await expect(page.getByTestId("back-in-stock-result")).toContainText("No newsletter.");
  expect((await emailsTo(shopper)).length).toBe(before);

  expect((await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "FINMIT-ECRU", stock: 2 }] } })).status()).toBe(200);
  await expect.poll(async () => backInStock(await emailsTo(shopper), "Fingerless mitts (Ecru)").length, { timeout: 10_000 }).toBe(1);
  await context.close();
});
