import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./support/auth";

const ADMIN = "admin@emberandoak.example";
const PRODUCT = "/products/wick-trimmer";

/** Fills the settings form's fields by label and saves. */
async function saveSettings(page: Page, fields: Record<string, string>) {
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Shop settings" });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "Save settings" }).click();
  return form;
}

// One admin editing the one settings row: these run in order, and the last puts it back.
test.describe.configure({ mode: "serial" });

test("an admin changes the contact phone and the free-delivery threshold, and the cached product page shows them at once", async ({ browser, request }) => {
  // The product page is cached: the second request is served from the cache.
  await request.get(PRODUCT);
  expect((await request.get(PRODUCT)).headers()["x-nextjs-cache"]).toBe("HIT");
  const shopper = await browser.newPage();
  await shopper.goto(PRODUCT);
  await expect(shopper.getByText("Free delivery on orders over £60.00.")).toBeVisible();
  await expect(shopper.getByRole("contentinfo").getByRole("link", { name: "+44 1433 650 123" })).toHaveCount(0);

  const { context, page } = await signedInAs(browser, ADMIN);
  await saveSettings(page, { "Contact phone": "+44 1433 650 123", "Standard delivery: free over": "75" });
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" }).first()).toBeVisible();

  await shopper.goto(PRODUCT);
  await expect(shopper.getByRole("contentinfo").getByRole("link", { name: "+44 1433 650 123" })).toBeVisible();
  await expect(shopper.getByText("Free delivery on orders over £75.00.")).toBeVisible();
  // And it is cached again with the new settings.
  await request.get(PRODUCT);
  const cached = await request.get(PRODUCT);
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await cached.text()).toContain("+44 1433 650 123");
  await shopper.close();
  await context.close();
});

test("a settings form with mistakes shows every error and saves nothing", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ADMIN);
  const form = await saveSettings(page, { "Shop name": "", "Tax rate (%)": "twenty", "Express delivery: price": "9.999", "Contact email": "nobody" });
  await expect(form.getByText("Enter the shop name.")).toBeVisible();
  await expect(form.getByText("Enter the tax rate as a percentage from 0 to 100, e.g. 20 or 8.25.")).toBeVisible();
  await expect(form.getByText("Enter the delivery price as an amount like 4.95.")).toBeVisible();
  await expect(form.getByText("Enter the contact email like name@example.com.")).toBeVisible();
  // What was typed stays in the form to be corrected.
  await expect(form.getByLabel("Tax rate (%)")).toHaveValue("twenty");
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Shop name")).toHaveValue("Ember & Oak");
  await expect(page.getByLabel("Tax rate (%)")).toHaveValue("20");
  await context.close();
});

test("the audit log shows the settings change with what changed, and filters by action and record", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, ADMIN);
  // Put the settings back (the change is on record too).
  await saveSettings(page, { "Contact phone": "", "Standard delivery: free over": "60" });
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" }).first()).toBeVisible();

  await page.goto("/admin/audit");
  const entry = page.locator('tr[data-audit="settings.update"]').first();
  await expect(entry).toContainText("Changed shop settings: contactPhone, deliveryRates");
  await expect(entry).toContainText(ADMIN);
  await expect(entry.getByRole("link", { name: "shop" })).toHaveAttribute("href", "/admin/settings");
  await expect(entry.locator("del").first()).toHaveText("+44 1433 650 123");

  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("settings.update");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=settings\.update/);
  // Only the shown list: the one before the filter may linger hidden for a moment (kept for back navigation).
  const rows = page.locator("tbody tr").filter({ visible: true });
  await expect(rows).not.toHaveCount(0);
  for (const action of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-audit")))) expect(action).toBe("settings.update");

  await page.getByRole("form", { name: "Filter the audit log" }).getByLabel("Record id or number").fill("no-such-record");
  await page.getByRole("form", { name: "Filter the audit log" }).getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=settings\.update&id=no-such-record|id=no-such-record/);
  await expect(page.getByText("No entries match these filters").filter({ visible: true })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await context.close();
});

test("individual click tracking is off until an admin turns it on, and the privacy notice always says which", async ({ browser, page: shopper }) => {
  await shopper.goto("/privacy");
  await expect(shopper.getByText("Clicks on links in our newsletters, counted per link")).toBeVisible();
  await expect(shopper.getByText("we do not record who clicked", { exact: false })).toBeVisible();

  const { context, page } = await signedInAs(browser, ADMIN);
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Shop settings" });
  const box = form.getByRole("checkbox", { name: /Record which reader clicked a newsletter link/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" }).first()).toBeVisible();
  await shopper.goto("/privacy");
  await expect(shopper.getByText("Which links you click in our newsletters, and when you first clicked one")).toBeVisible();

  // And off again (the default), with the notice back to counting per link only.
  await page.goto("/admin/settings");
  await expect(box).toBeChecked();
  await box.uncheck();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" }).first()).toBeVisible();
  await shopper.goto("/privacy");
  await expect(shopper.getByText("Clicks on links in our newsletters, counted per link")).toBeVisible();
  await context.close();
});
