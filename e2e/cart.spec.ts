import { expect, test } from "@playwright/test";
import { e2eServerSettings } from "./support/server-settings";
import { addToCart, CartPage } from "./pages/cart-page";

const secret = e2eServerSettings.inventoryWebhookSecret;

test("a guest adds two products, changes a quantity and removes one", async ({ page }) => {
  const cart = new CartPage(page);
  await cart.goto();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();

  await addToCart(page, "/products/everyday-mug?variant=EVEMUG-TERRAC");
  await addToCart(page, "/products/linen-tea-towels");
  await expect(cart.line("Everyday mug")).toContainText("Terracotta");
  await expect(cart.subtotal()).toHaveText("£40.00");
  await expect(cart.headerCount()).toContainText("2");

  await cart.setQuantity("Everyday mug", 3);
  // The line total changes at once; the subtotal once the server has saved it.
  await expect(cart.line("Everyday mug").getByTestId("line-total")).toHaveText("£66.00");
  await expect(cart.subtotal()).toHaveText("£84.00");
  await expect(cart.headerCount()).toContainText("4");

  await page.reload();
  await expect(cart.line("Everyday mug").getByLabel("Quantity")).toHaveValue("3");

  await cart.remove("Linen tea towels");
  await expect(cart.subtotal()).toHaveText("£66.00");
  await expect(cart.headerCount()).toContainText("3");
});

test("a sold-out product cannot be added", async ({ page }) => {
  await page.goto("/products/tall-vase");
  await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
});

test("an item that sells out while in the cart is flagged and blocks checkout", async ({ page, request }) => {
  const cart = new CartPage(page);
  await addToCart(page, "/products/dinner-plate?variant=DINPLA-MOSS");
  await expect(cart.line("Dinner plate")).toBeVisible();
  const response = await request.post("/api/catalog/stock", {
    headers: { Authorization: `Bearer ${secret}` },
    data: { updates: [{ sku: "DINPLA-MOSS", stock: 0 }] },
  });
  expect(response.status()).toBe(200);
  await cart.goto();
  await expect(cart.line("Dinner plate")).toContainText("Sold out since you added it");
  await expect(page.getByRole("alert").filter({ hasText: "need your attention" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("adding to the cart and changing the quantity still work", async ({ page }) => {
    const cart = new CartPage(page);
    await addToCart(page, "/products/ribbed-beanie?variant=RIBBEA-MOSS");
    await expect(cart.line("Ribbed beanie")).toContainText("Moss");
    await cart.setQuantity("Ribbed beanie", 2);
    await cart.line("Ribbed beanie").getByRole("button", { name: "Update" }).click();
    await expect(cart.subtotal()).toHaveText("£70.00");
  });
});
