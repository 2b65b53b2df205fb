import { expect, test } from "@playwright/test";
import { addToCart, CartPage } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";

/*
 * Forms are public POST endpoints: whatever a tampered page sends must get a clear message,
 * never a 500, and change nothing.
 */

async function setHidden(page: import("@playwright/test").Page, name: string, value: string) {
  // After hydration (React has attached its props to the form), so React does not put its
  // own value back.
  await page.waitForFunction(() => {
    const form = document.querySelector("main form");
    return Boolean(form && Object.keys(form).some((key) => key.startsWith("__reactProps")));
  });
  await page.evaluate(
    ([n, v]) => {
      for (const input of document.querySelectorAll<HTMLInputElement>(`input[name="${n}"]`)) input.value = v!;
    },
    [name, value],
  );
}

test("a tampered add-to-cart form gets a clear message and adds nothing", async ({ page }) => {
  const cases: [string, string, string][] = [
    ["quantity", "-5", "Add at least one."],
    ["quantity", "100000", "At most 20 at a time."],
    ["quantity", "abc", "Quantity must be a whole number."],
    ["variantId", "not-a-number", "Choose an option first."],
    ["variantId", "99999999", "That item is no longer sold."],
  ];
  for (const [field, value, message] of cases) {
    const response = await page.goto("/products/everyday-mug");
    expect(response?.status()).toBe(200);
    await setHidden(page, field, value);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  }
  await new CartPage(page).goto();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a tampered cart quantity is refused with a message", async ({ page }) => {
  await addToCart(page, "/products/everyday-mug?variant=EVEMUG-TERRAC");
  const cart = new CartPage(page);
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>("select[name=quantity]")!;
    select.add(new Option("5000", "5000"));
    select.value = "5000";
    select.form!.requestSubmit();
  });
  await expect(page.getByRole("alert").filter({ hasText: "That is more than we could ever send." })).toBeVisible();
  await page.reload();
  await expect(cart.line("Everyday mug").getByLabel("Quantity")).toHaveValue("1");
});

test("a checkout with a forged idempotency key or country is refused and orders nothing", async ({ page }) => {
  await addToCart(page, "/products/wool-socks");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ email: "forger@example.com", name: "Forger", line1: "1 Road", city: "Leeds", postalCode: "LS1 1AA" });
  await setHidden(page, "idempotencyKey", "'; drop table orders; --");
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>("select[name=country]")!;
    select.add(new Option("Atlantis", "XX"));
    select.value = "XX";
  });
  await checkout.placeOrder();
  await expect(page.getByRole("alert").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();
  await expect(page.getByText("Choose a country we deliver to.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Please reload the page and try again." })).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
  await new CartPage(page).goto();
  await expect(page.getByRole("listitem", { name: /^Walking socks/ })).toBeVisible();
});

test("checking out an empty cart explains itself", async ({ page }) => {
  const response = await page.goto("/checkout");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Your cart is empty, so there is nothing to check out yet.")).toBeVisible();
});
