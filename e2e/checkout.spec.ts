import { expect, test } from "@playwright/test";
import { addToCart, CartPage } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { emailsTo, uniqueAddress } from "./support/mailbox";

const address = { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "sw1y 4jh" };

test("a guest checks out with the demo code, gets a confirmation and an email with a working link", async ({ page, browser }) => {
  const email = uniqueAddress("guest");
  await addToCart(page, "/products/linen-napkins?variant=LINNAP-SAGE");
  await addToCart(page, "/products/espresso-cups-pair?variant=ESPCUPPAI-OAT");
  const cart = new CartPage(page);
  await cart.setQuantity("Linen napkins", 2);
  await expect(cart.subtotal()).toHaveText("£90.00");
  await page.getByRole("link", { name: "Check out" }).click();

  const checkout = new CheckoutPage(page);
  await checkout.applyCode("welcome10");
  await expect(checkout.codeResult()).toHaveText("✓ WELCOME10 applied: −£9.00");
  await expect(page.getByTestId("summary-discount")).toHaveText("−£9.00");
  await expect(page.getByTestId("summary-total")).toHaveText("£81.00");
  await checkout.fill({ email, ...address });
  await checkout.placeOrder();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?token=/);
  await expect(page.getByRole("heading", { name: "Thank you, Ada" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Waiting for your payment");
  await expect(page.getByTestId("order-discount")).toHaveText("−£9.00");
  // £90 − £9 = £81, over £60 so delivery is free.
  await expect(page.getByTestId("order-total")).toHaveText("£81.00");
  const number = ((await page.getByText(/^Order H-\d+$/).textContent()) ?? "").replace("Order ", "");
  expect(number).toMatch(/^H-\d{5,}$/);
  await expect(page.getByText(`Use ${number} as the payment reference`)).toBeVisible();

  // The cart is empty now that the order is committed.
  await cart.goto();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();

  // The confirmation email names the order, says why it was sent, and links back to it.
  await expect.poll(async () => (await emailsTo(email)).length).toBe(1);
  const [mail] = await emailsTo(email);
  expect(mail!.subject).toBe(`Your order ${number}`);
  expect(mail!.text).toContain(number);
  expect(mail!.text).toContain("Why you got this email: you placed order");
  const link = /href="(http[^"]+\/orders\/[^"]+)"/.exec(mail!.html)?.[1]?.replace(/&amp;/g, "&");
  expect(link).toBeTruthy();

  // Anyone holding the link sees the order; a second browser without it gets a 404.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const withLink = await other.goto(link!);
  expect(withLink?.status()).toBe(200);
  await expect(other.getByText(`Order ${number}`, { exact: true })).toBeVisible();
  const orderUrl = new URL(link!);
  const withoutToken = await other.goto(orderUrl.pathname);
  expect(withoutToken?.status()).toBe(404);
  const forged = await other.goto(`${orderUrl.pathname}?token=${"A".repeat(43)}`);
  expect(forged?.status()).toBe(404);
  await stranger.close();
});

test("an invalid address shows every field error at once and creates no order", async ({ page }) => {
  const email = uniqueAddress("invalid");
  await addToCart(page, "/products/travel-tin-candle");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ email: "not-an-email", name: "", line1: "", city: "", postalCode: "###" });
  await checkout.placeOrder();
  const form = page.getByRole("form", { name: "Checkout" });
  await expect(page.getByRole("alert").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();
  await expect(form.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(form.getByText("Enter your full name.")).toBeVisible();
  await expect(form.getByText("Enter your address.")).toBeVisible();
  await expect(form.getByText("Enter your town or city.")).toBeVisible();
  await expect(form.getByText("A postcode has only letters, numbers, spaces and hyphens.")).toBeVisible();
  await expect(form.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/checkout$/);
  expect(await emailsTo(email)).toHaveLength(0);
  // The cart is untouched.
  await new CartPage(page).goto();
  await expect(page.getByRole("listitem", { name: /^Travel tin candle/ })).toBeVisible();
});

test("an unknown or unmet discount code is explained in the summary", async ({ page }) => {
  await addToCart(page, "/products/coffee-scoop");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.applyCode("FREESTUFF");
  await expect(checkout.codeResult()).toContainText("“FREESTUFF” is not a code we recognise.");
  await expect(page.getByTestId("summary-discount")).toHaveCount(0);
  // A code below its minimum says what it needs.
  await checkout.applyCode("WELCOME10");
  await expect(checkout.codeResult()).toContainText("needs a subtotal of at least £20.00");
});

test("checkout fields carry autocomplete tokens for browser autofill", async ({ page }) => {
  await addToCart(page, "/products/coffee-scoop");
  await page.goto("/checkout");
  const tokens = { Email: "email", "Full name": "name", "Town or city": "address-level2", Postcode: "postal-code", Country: "country" };
  for (const [label, token] of Object.entries(tokens)) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute("autocomplete", token);
  }
  await expect(page.getByLabel("Address", { exact: true })).toHaveAttribute("autocomplete", "address-line1");
  await expect(page.getByRole("checkbox", { name: /newsletter/ })).not.toBeChecked();
});
