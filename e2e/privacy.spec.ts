import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { signedInPage, signIn } from "./support/auth";
import { uniqueAddress } from "./support/mailbox";

function consentCard(page: import("@playwright/test").Page, purpose: string) {
  return page.locator(`[data-purpose="${purpose}"]`);
}

test("a shopper switches a consent off and on and sees both in its history", async ({ page }) => {
  await signIn(page, uniqueAddress("chooser"));
  await page.goto("/account/privacy");
  const toggle = page.getByRole("switch", { name: "Personalised suggestions" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(consentCard(page, "personalisation")).toContainText("You have never been asked about this, so it is off.");

  await toggle.click();
  await expect(page.getByRole("switch", { name: "Personalised suggestions" })).toHaveAttribute("aria-checked", "true");
  await page.getByRole("switch", { name: "Personalised suggestions" }).click();
  await expect(page.getByRole("switch", { name: "Personalised suggestions" })).toHaveAttribute("aria-checked", "false");

  const history = page.getByRole("list", { name: "History of Personalised suggestions" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toHaveText(/^You agreed on \d{1,2} \w{3} \d{4} in your privacy centre\.$/);
  await expect(history.nth(1)).toHaveText(/^You withdrew on \d{1,2} \w{3} \d{4} in your privacy centre\.$/);

  // The state survives a reload: it comes from the ledger, not the page.
  await page.reload();
  await expect(page.getByRole("switch", { name: "Personalised suggestions" })).toHaveAttribute("aria-checked", "false");

  // Newsletter topics work the same way for a signed-in person, with no second confirmation.
  await page.getByRole("switch", { name: "Offers and events" }).click();
  await expect(page.getByRole("switch", { name: "Offers and events" })).toHaveAttribute("aria-checked", "true");
});

test("the data download holds this shopper's orders and consents and nobody else's", async ({ page, browser }) => {
  test.slow(); // several people sign in and check out
  const email = uniqueAddress("exporter");
  const other = uniqueAddress("neighbour");
  // Another shopper with an order of their own.
  const neighbour = await signedInPage(browser, other);
  await addToCart(neighbour.page, "/products/espresso-cups-pair?variant=ESPCUPPAI-OAT");
  const theirCheckout = new CheckoutPage(neighbour.page);
  await theirCheckout.goto();
  await theirCheckout.fill({ name: "Nell Neighbour", line1: "5 Mill Lane", city: "Leeds", postalCode: "LS2 7EY" });
  await theirCheckout.placeOrder();
  await expect(neighbour.page).toHaveURL(/\/orders\//);
  await neighbour.context.close();

  await signIn(page, email);
  await addToCart(page, "/products/linen-napkins?variant=LINNAP-SAGE");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ name: "Ed Exporter", line1: "7 Canal Side", city: "Leeds", postalCode: "LS1 4AP" });
  await checkout.placeOrder();
  await expect(page).toHaveURL(/\/orders\//);
  const number = ((await page.getByText(/^Order H-\d+$/).textContent()) ?? "").replace("Order ", "");
  await page.goto("/account/privacy");
  await page.getByRole("switch", { name: "Personalised suggestions" }).click();
  await expect(page.getByRole("switch", { name: "Personalised suggestions" })).toHaveAttribute("aria-checked", "true");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile((await download.path())!, "utf8");
  const data = JSON.parse(text);
  expect(data.profile.email).toBe(email);
  expect(data.orders.map((o: { number: string }) => o.number)).toEqual([number]);
  expect(data.orders[0].items[0].product).toMatch(/^Linen napkins/);
  expect(data.orders[0].deliverTo.line1).toBe("7 Canal Side");
  expect(data.consentHistory).toEqual([expect.objectContaining({ purpose: "personalisation", action: "granted", source: "privacy-centre" })]);
  expect(data.emailsSent.map((e: { subject: string }) => e.subject)).toEqual(expect.arrayContaining([`Your order ${number}`, expect.stringMatching(/sign-in link/)]));
  expect(data.sessions.length).toBeGreaterThan(0);
  expect(data.sessions[0].device).toMatch(/Chrome/);
  expect(text).not.toContain(other);
  expect(text).not.toContain("Nell Neighbour");
});

test("deleting the account erases the person, ends their sessions, and leaves the order for the merchant without a name", async ({ page, browser }) => {
  test.slow(); // several people sign in and check out
  const email = uniqueAddress("leaver");
  await signIn(page, email);
  // A second signed-in device, to check every session ends.
  const laptop = await browser.newContext({ storageState: await page.context().storageState() });
  const laptopPage = await laptop.newPage();
  await laptopPage.goto("/account");
  await expect(laptopPage.getByText(`Signed in as ${email}.`)).toBeVisible();

  await addToCart(page, "/products/espresso-cups-pair?variant=ESPCUPPAI-OAT");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ name: "Lee Leaver", line1: "8 Station Road", city: "Hebden Bridge", postalCode: "HX7 8AD" });
  await checkout.placeOrder();
  await expect(page).toHaveURL(/\/orders\//);
  const number = ((await page.getByText(/^Order H-\d+$/).textContent()) ?? "").replace("Order ", "");

  await page.goto("/account/privacy");
  await page.getByRole("link", { name: "Delete my account…" }).click();
  await expect(page.getByRole("heading", { name: "Erased for good" })).toBeVisible();
  await expect(page.getByText(/Your 1 order: what was bought/)).toBeVisible();
  // The box is not ticked for you; without it nothing happens.
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Tick the box to confirm you want your account deleted.")).toBeVisible();
  await page.getByRole("checkbox", { name: /I understand/ }).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();

  // The other device's session no longer works.
  await laptopPage.goto("/account");
  await expect(laptopPage).toHaveURL(/\/login\?callbackUrl=/);
  await laptop.close();

  // The merchant still has the order, without the person.
  const admin = await signedInPage(browser, "admin@emberandoak.example");
  await admin.page.goto("/admin/orders");
  const row = admin.page.locator(`tr[data-order="${number}"]`);
  await expect(row).toContainText("Erased customer");
  await expect(row).toContainText("erased@erased.invalid");
  await expect(admin.page.getByText(email)).toHaveCount(0);
  await admin.context.close();
});

test("a shopper sees their sessions and signs out everywhere else", async ({ page, browser }) => {
  const email = uniqueAddress("traveller");
  await signIn(page, email);
  const phone = await signedInPage(browser, email);
  await page.goto("/account/privacy");
  const sessions = page.getByRole("region", { name: "Signed-in sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(sessions.first()).toContainText(/Signed in \d{1,2} \w{3} \d{4}, \d{2}:\d{2} · last seen/);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("Signed out of 1 other device.")).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/login/);
  // This device is still signed in.
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}.`)).toBeVisible();
  await phone.context.close();
});

test("customers cannot open the merchant's pages", async ({ page }) => {
  await signIn(page, uniqueAddress("curious"));
  await page.goto("/admin/orders");
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
