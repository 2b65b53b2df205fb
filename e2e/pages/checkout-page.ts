import type { Page } from "@playwright/test";

export type Address = { email: string; name: string; line1: string; line2?: string; city: string; postalCode: string; country?: string };

export class CheckoutPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/checkout");
  }

  async fill(address: Partial<Address>) {
    const form = this.page.getByRole("form", { name: "Checkout" });
    if (address.email !== undefined) await form.getByLabel("Email", { exact: true }).fill(address.email);
    if (address.name !== undefined) await form.getByLabel("Full name", { exact: true }).fill(address.name);
    if (address.line1 !== undefined) await form.getByLabel("Address", { exact: true }).fill(address.line1);
    if (address.line2 !== undefined) await form.getByLabel(/Flat, building or area/).fill(address.line2);
    if (address.city !== undefined) await form.getByLabel("Town or city", { exact: true }).fill(address.city);
    if (address.postalCode !== undefined) await form.getByLabel("Postcode", { exact: true }).fill(address.postalCode);
    if (address.country !== undefined) await form.getByLabel("Country", { exact: true }).selectOption(address.country);
  }

  /** Applying a code reloads the page with ?code=, so apply it before filling the form. */
  async applyCode(code: string) {
    const form = this.page.getByRole("form", { name: "Discount code" });
    await form.getByLabel("Discount code").fill(code);
    await form.getByRole("button", { name: "Apply" }).click();
    await this.page.waitForURL(/[?&]code=/);
  }

  codeResult() {
    return this.page.locator("#code-result");
  }

  async placeOrder() {
    await this.page.getByRole("button", { name: "Place order" }).click();
  }
}
