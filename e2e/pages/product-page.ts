import { expect, type Page } from "@playwright/test";

export class ProductPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, query = "") {
    return this.page.goto(`/products/${slug}${query}`);
  }

  option(name: string, value: string) {
    return this.page.getByRole("group", { name: new RegExp(`^${name}:`) }).getByRole("link", { name: new RegExp(`^${name} ${value}(,|$)`) });
  }

  price() {
    return this.page.getByTestId("price");
  }

  stock() {
    return this.page.getByTestId("stock");
  }

  async jsonLd(): Promise<Record<string, unknown>> {
    const text = await this.page.locator('script[type="application/ld+json"]').first().textContent();
    return JSON.parse(text ?? "{}");
  }

  async expectTitle(title: string) {
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }
}
