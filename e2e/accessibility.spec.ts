import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { uniqueAddress } from "./support/mailbox";

const pages = ["/", "/collections/knitwear", "/collections/linen?colour=Sand&sort=price-asc", "/products/linen-overshirt", "/search?q=wool", "/search?q=zzqq", "/products/missing", "/cart", "/login", "/newsletter", "/privacy"];

for (const url of pages) {
  test(`no serious or critical accessibility violations on ${url}`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    ).toEqual([]);
  });
}

test("no serious or critical accessibility violations on a cart with items", async ({ page }) => {
  await page.goto("/products/everyday-mug");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL(/\/cart/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("keyboard users can skip to the content and see where focus is", async ({ page }) => {
  await page.goto("/collections/candles");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("no serious or critical accessibility violations on the account pages and privacy centre", async ({ page }) => {
  test.slow();
  await signIn(page, uniqueAddress("axe"));
  for (const url of ["/account", "/account/orders", "/account/profile", "/account/addresses", "/account/privacy", "/account/privacy/delete"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
