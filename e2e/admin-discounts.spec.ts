import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { sessionCookieFor } from "./support/auth";
import { query } from "./support/database";
import { uniqueAddress } from "./support/mailbox";

/*
 * Discount codes from the merchant's desk to the shopper's checkout: a new code works at once,
 * a disabled one does not, and the list shows what each code brought in.
 */

async function discountForm(page: Page) {
  return page.getByRole("form", { name: /New discount code|Edit / });
}

test("staff create, edit, disable and enable a code, and a shopper uses it at checkout", async ({ browser, page: shopper }) => {
  const code = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;
  const context = await browser.newContext();
  await context.addCookies([await sessionCookieFor("staff@emberandoak.example")]);
  const page = await context.newPage();

  // Create: every bad field is reported at once, and what was typed stays.
  await page.goto("/admin/discounts");
  await page.getByRole("link", { name: "New discount code" }).click();
  let form = await discountForm(page);
  await form.getByLabel("Code").fill(code.toLowerCase());
  await form.getByLabel("Fixed amount off").check();
  await form.getByLabel("Discount (GBP)").fill("0");
  await form.getByLabel(/Minimum order/).fill("lots");
  await form.getByRole("button", { name: "Create code" }).click();
  await expect(form.getByText("Enter an amount greater than zero, like 5 or 4.50.")).toBeVisible();
  await expect(form.getByText("Enter the minimum order as an amount like 20 or 19.50.")).toBeVisible();
  await expect(form.getByLabel("Code")).toHaveValue(code.toLowerCase());
  await form.getByLabel("Discount (GBP)").fill("7.50");
  await form.getByLabel(/Minimum order/).fill("20");
  await form.getByRole("button", { name: "Create code" }).click();
  await expect(page).toHaveURL(/\/admin\/discounts\?created=/);
  await expect(page.getByText(`Discount code ${code} created.`)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: code }) });
  await expect(row).toContainText("£7.50 off");
  await expect(row).toContainText("on orders of £20.00 or more");
  await expect(row.getByText("Active")).toBeVisible();

  // The same code again is refused with a clear message.
  await page.goto("/admin/discounts/new");
  form = await discountForm(page);
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Percentage off").check();
  await form.getByLabel("Discount (%)").fill("5");
  await form.getByRole("button", { name: "Create code" }).click();
  await expect(form.getByText(`${code} is already taken.`)).toBeVisible();

  // Disabled, the shopper cannot use it.
  await page.goto("/admin/discounts");
  await row.getByRole("button", { name: `Disable ${code}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${code} disabled` }).first()).toBeVisible();
  await expect(row.getByText("Disabled")).toBeVisible();
  await addToCart(shopper, "/products/linen-napkins?variant=LINNAP-SAGE");
  const checkout = new CheckoutPage(shopper);
  await checkout.goto();
  await checkout.applyCode(code.toLowerCase());
  await expect(checkout.codeResult()).toContainText(`“${code}” is not a code we recognise.`);

  // Enabled and edited (a use limit), the shopper orders with it.
  await row.getByRole("button", { name: `Enable ${code}` }).click();
  await expect(row.getByText("Active")).toBeVisible();
  await row.getByRole("link", { name: `Edit ${code}` }).click();
  form = await discountForm(page);
  await form.getByLabel("Use limit").fill("10");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${code} saved.` }).first()).toBeVisible();

  await checkout.applyCode(code.toLowerCase());
  await expect(checkout.codeResult()).toHaveText(`✓ ${code} applied: −£7.50`);
  await checkout.fill({ email: uniqueAddress("discount"), name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH" });
  await checkout.placeOrder();
  await expect(shopper).toHaveURL(/\/orders\/[0-9a-f-]{36}\?token=/);
  await expect(shopper.getByTestId("order-discount")).toHaveText("−£7.50");

  // The desk shows the use; revenue counts once the order is paid.
  await page.goto("/admin/discounts");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1 / 10");
  await query((sql) => sql`update orders set status = 'paid' where discount_code = ${code}`);
  await page.reload();
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("£0.00");

  const actions = await query((sql) => sql`select action from audit_log where entity_type = 'discount' and entity_id = (select id::text from discount_codes where code = ${code}) order by id`);
  expect(actions.map((a) => a.action)).toEqual(["discount.create", "discount.disable", "discount.enable", "discount.update"]);
  await context.close();
});
