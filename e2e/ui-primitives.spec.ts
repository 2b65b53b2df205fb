import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/*
 * The primitives whose behaviour lives in the browser (components/ui dialog, toast, table), on
 * the development gallery /dev/ui, until admin pages use them.
 */

test("a dialog is named and described, keeps focus inside, and gives it back on Escape", async ({ page }) => {
  await page.goto("/dev/ui");
  const trigger = page.getByRole("button", { name: "Archive product…" });
  await trigger.click();
  const dialog = page.getByRole("dialog", { name: "Archive Everyday mug?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/leaves the shop at once/);
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test("a toast is announced politely, an error one assertively, and both can be dismissed", async ({ page }) => {
  await page.goto("/dev/ui");
  await page.getByRole("button", { name: "Show a message" }).click();
  await expect(page.locator('[role="status"][aria-live="polite"]').filter({ hasText: "Order HE-1042 marked as paid" })).toBeAttached();
  const notifications = page.getByRole("region", { name: /^Notifications/ });
  const toast = notifications.getByRole("listitem").filter({ hasText: "Order HE-1042 marked as paid" });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveCount(0);

  await page.getByRole("button", { name: "Show an error" }).click();
  await expect(page.locator('[role="status"][aria-live="assertive"]').filter({ hasText: "The order could not be saved" })).toBeAttached();
  const error = notifications.getByRole("listitem").filter({ hasText: "The order could not be saved" });
  // An error stays until it is dismissed.
  await page.waitForTimeout(6_500);
  await expect(error).toBeVisible();
  await error.getByRole("button", { name: "Dismiss" }).click();
  await expect(error).toHaveCount(0);
});

test("on a phone a wide table scrolls inside its labelled region, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dev/ui");
  const region = page.getByRole("region", { name: "Example orders" });
  await expect(region.getByRole("table")).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
