import { expect, test } from "@playwright/test";

const hostile = [
  "/collections/candles?page=-1",
  "/collections/candles?sort=x",
  "/collections/candles?min=abc&max=%00",
  "/collections/candles?page=99999",
  "/collections/candles?colour=%27%20or%201%3D1--&size=%3Cscript%3E",
  "/collections/candles?page=1e3&available=%E0%A4%A",
  `/search?q=${"a".repeat(5000)}`,
  "/search?q=%27%3B%20drop%20table%20products%3B--",
  "/search?q=%E0%A4%A",
  "/search?q=wool&page=-5",
  "/search?q[]=x&q=y",
  "/products/everyday-mug?variant=../../etc",
  "/products/everyday-mug?variant=NOPE",
  "/products/..%2F..%2Fetc",
  "/products/%E0%A4%A",
];

for (const url of hostile) {
  test(`hostile URL gets a normal page, never a 500: ${url.slice(0, 60)}`, async ({ page }) => {
    const response = await page.goto(url);
    const status = response?.status() ?? 0;
    expect(status, `status for ${url}`).toBeLessThan(500);
    expect([200, 404]).toContain(status);
    await expect(page.locator("body")).not.toContainText("Internal Server Error");
    await expect(page.getByRole("banner")).toBeVisible();
  });
}

test("page=-1 shows the first page of the collection", async ({ page }) => {
  await page.goto("/collections/candles?page=-1&sort=x&min=abc");
  await expect(page.getByRole("status")).toContainText("Showing 1–");
});

test("a page past the end offers the way back", async ({ page }) => {
  await page.goto("/collections/candles?page=400");
  await expect(page.getByText("This page is past the end of the list.")).toBeVisible();
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page.getByRole("status")).toContainText("Showing 1–");
});

test("a 5,000-character search is cut, not rejected", async ({ page }) => {
  const response = await page.goto(`/search?q=${"candle ".repeat(700)}`);
  expect(response?.status()).toBe(200);
  const value = await page.getByRole("searchbox", { name: "Search products" }).inputValue();
  expect(value.length).toBeLessThanOrEqual(100);
});

test("a link to a variant that no longer exists shows the product and says so", async ({ page }) => {
  const response = await page.goto("/products/everyday-mug?variant=EVEMUG-PLAID");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("The option in your link is no longer available")).toBeVisible();
});
