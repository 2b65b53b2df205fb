import { expect, type Page } from "@playwright/test";

export class CartPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/cart");
  }

  line(productTitle: string) {
    return this.page.getByRole("listitem", { name: new RegExp(`^${productTitle}`) });
  }

  subtotal() {
    return this.page.getByTestId("cart-subtotal");
  }

  headerCount() {
    return this.page.getByRole("banner").getByRole("link", { name: /^Cart/ });
  }

  async setQuantity(productTitle: string, quantity: number) {
    await this.line(productTitle).getByLabel("Quantity").selectOption(String(quantity));
  }

  async remove(productTitle: string) {
    await this.line(productTitle).getByRole("button", { name: /^Remove/ }).click();
    await expect(this.line(productTitle)).toHaveCount(0);
  }
}

export async function addToCart(page: Page, productPath: string) {
  await page.goto(productPath);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart(\?|$)/);
}
