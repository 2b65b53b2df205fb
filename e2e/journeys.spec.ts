import { expect, test } from "@playwright/test";
import { CollectionPage } from "./pages/collection-page";
import { ProductPage } from "./pages/product-page";

test("a shopper browses from the home page to a product and switches variant", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("slow mornings");
  await expect(page.getByRole("heading", { name: "Workshop favourites" })).toBeVisible();

  // Home → collection through the main navigation.
  await page.getByRole("navigation", { name: "Collections" }).getByRole("link", { name: "Linen" }).click();
  const collection = new CollectionPage(page);
  await collection.expectLoaded("Linen");
  await expect(page).toHaveURL(/\/collections\/linen$/);
  const allCount = (await collection.productTitles()).length;
  expect(allCount).toBeGreaterThan(3);

  // Filter by colour: the URL carries the filter and the list shrinks.
  await collection.openFilters();
  await collection.filters.getByRole("checkbox", { name: "Sky" }).check();
  await expect(page).toHaveURL(/colour=Sky/);
  await expect.poll(() => collection.productTitles()).toEqual(["Linen shirt"]);
  await expect(page.getByRole("group", { name: "Active filters" }).getByRole("link", { name: "Remove filter: Sky" })).toBeVisible();

  // Clear, then sort by price, high to low.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/colour=/);
  await collection.openFilters();
  await collection.filters.getByLabel("Sort by").selectOption("price-desc");
  await expect(page).toHaveURL(/sort=price-desc/);
  await expect.poll(async () => (await collection.productTitles())[0]).toBe("Linen duvet set");

  // Into a product.
  await page.getByRole("link", { name: "Linen overshirt" }).click();
  const product = new ProductPage(page);
  await product.expectTitle("Linen overshirt");
  await expect(product.price()).toContainText("£95.00");

  // Switch variant: the choice is in the URL and the page says which one is chosen.
  await product.option("Colour", "Moss").click();
  await expect(page).toHaveURL(/variant=LINOVE-MOSS-/);
  await expect(page.getByRole("group", { name: /^Colour:/ })).toContainText("Moss");
  await product.option("Size", "XL").click();
  await expect(page).toHaveURL(/variant=LINOVE-MOSS-XL$/);
  await expect(page.getByText("SKU LINOVE-MOSS-XL")).toBeVisible();

  // The variant URL works on its own (shared link, reload, no JavaScript state).
  await page.reload();
  await expect(page.getByRole("group", { name: /^Size:/ })).toContainText("XL");
});

test("collection pages page through results with links that keep the sort", async ({ page }) => {
  // Ceramics has more products than fit on one page (12), so the second page must exist.
  const collection = new CollectionPage(page);
  await collection.goto("ceramics", "?sort=price-asc");
  await expect(page.getByRole("status")).toContainText(/Showing 1–12 of 1[3-9] products/);
  const firstPage = await collection.productTitles();
  expect(firstPage).toHaveLength(12);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/sort=price-asc&page=2/);
  await expect(page.getByRole("status")).toContainText(/Showing 13–/);
  const secondPage = await collection.productTitles();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((t) => firstPage.includes(t))).toBe(false);
  // Still sorted across the page break: the back link returns to the first page.
  await pages.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/sort=price-asc$/);
  expect(await collection.productTitles()).toEqual(firstPage);
});

test("a sold-out product says so in words", async ({ page }) => {
  const product = new ProductPage(page);
  await product.goto("tall-vase");
  await expect(product.stock()).toContainText("Sold out");
  await expect(page.getByText("Every option of this product is sold out.")).toBeVisible();
});

test("search forgives a typo", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByText("Search by product, material or scent")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search products" }).fill("hodie");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=hodie/);
  await expect(page.getByRole("status")).toContainText("for “hodie”");
  await expect(page.getByRole("link", { name: "Merino hoodie" })).toBeVisible();
});

test("search with no results offers a way on", async ({ page }) => {
  await page.goto("/search?q=zzqqxx");
  await expect(page.getByRole("status")).toHaveText("No products match “zzqqxx”.");
  await expect(page.getByText("Check the spelling")).toBeVisible();
});

test("an unknown product is a friendly 404", async ({ page }) => {
  const response = await page.goto("/products/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toBeVisible();
});

test("an unknown collection is a 404", async ({ page }) => {
  const response = await page.goto("/collections/no-such-collection");
  expect(response?.status()).toBe(404);
});
