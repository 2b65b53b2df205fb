import { expect, type Page } from "@playwright/test";

export class CollectionPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, query = "") {
    await this.page.goto(`/collections/${slug}${query}`);
  }

  /** On a phone the filters sit in a collapsed "Filter and sort" panel. */
  async openFilters() {
    // Next keeps the previous page mounted but hidden for back navigation: look at visible ones only.
    const summary = this.page.locator("summary").filter({ hasText: "Filter and sort", visible: true });
    if (await summary.isVisible()) {
      const details = this.page.locator("details").filter({ has: summary });
      if ((await details.getAttribute("open")) === null) await summary.click();
    }
  }

  get filters() {
    return this.page.getByRole("form", { name: "Filter and sort products" });
  }

  productLinks() {
    return this.page.getByRole("region", { name: "Products" }).getByRole("listitem").getByRole("link");
  }

  async productTitles() {
    return this.page.getByRole("region", { name: "Products" }).locator("article h3").filter({ visible: true }).allInnerTexts();
  }

  async status() {
    return this.page.getByRole("status").innerText();
  }

  async expectLoaded(title: string) {
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }
}
