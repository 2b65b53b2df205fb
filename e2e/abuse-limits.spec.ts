import { expect, test } from "@playwright/test";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";

/*
 * Guessing discount codes at checkout: wrong codes count per cart (and per client, raised for
 * the e2e server where every browser is 127.0.0.1), and past the limit the shopper is told so,
 * even for a code that would work: a lucky guess cannot be told from a wrong one.
 */
test("many wrong discount codes on one cart end with a clear message, even for the right code", async ({ page }) => {
  test.setTimeout(90_000); // a dozen checkout page loads
  await addToCart(page, "/products/linen-napkins?variant=LINNAP-SAGE");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  // The per-cart allowance (lib/privacy/abuse-limits.ts: discountGuessesPerCart) is 10 an hour.
  for (let i = 1; i <= 10; i++) {
    await checkout.applyCode(`GUESS${i}`);
    await expect(checkout.codeResult()).toContainText(`“GUESS${i}” is not a code we recognise.`);
  }
  await checkout.applyCode("GUESS11");
  await expect(checkout.codeResult()).toContainText("Too many discount codes were tried. Please try again in an hour, or remove the code to order now.");
  await checkout.applyCode("WELCOME10");
  await expect(checkout.codeResult()).toContainText("Too many discount codes were tried.");
  await expect(page.getByTestId("summary-discount")).toHaveCount(0);

  // Without a code the order still goes through: only guessing was limited.
  await checkout.goto();
  await checkout.fill({ email: "limits-shopper@example.com", name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH" });
  await checkout.placeOrder();
  await expect(page.getByRole("heading", { name: "Thank you, Ada" })).toBeVisible();
});
