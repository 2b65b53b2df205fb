import { expect, test } from "@playwright/test";
import { ProductPage } from "./pages/product-page";

test("product pages carry Product JSON-LD with an Offer per variant", async ({ page }) => {
  const product = new ProductPage(page);
  await product.goto("everyday-mug");
  const data = await product.jsonLd();
  expect(data["@type"]).toBe("Product");
  expect(data.name).toBe("Everyday mug");
  const offers = data.offers as { "@type": string; price: string; priceCurrency: string; availability: string; sku: string }[];
  expect(offers).toHaveLength(4);
  expect(offers[0]).toMatchObject({ "@type": "Offer", price: "22.00", priceCurrency: "GBP" });
  expect(offers.every((o) => /schema\.org\/(InStock|OutOfStock)$/.test(o.availability))).toBe(true);
});

test("product pages have Open Graph tags and a canonical URL without the variant", async ({ page, baseURL }) => {
  await page.goto("/products/everyday-mug?variant=EVEMUG-MOSS");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Everyday mug");
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/images\/generated\/everyday-mug-1\.webp$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/products/everyday-mug`);
});

test("share links send people back to this product with utm tags", async ({ page, baseURL }) => {
  await page.goto("/products/everyday-mug");
  const share = page.getByRole("region", { name: "Share" }).getByRole("link", { name: /^Pinterest/ });
  const href = await share.getAttribute("href");
  const shared = new URL(new URL(href!).searchParams.get("url")!);
  expect(`${shared.origin}${shared.pathname}`).toBe(`${baseURL}/products/everyday-mug`);
  expect(shared.searchParams.get("utm_source")).toBe("pinterest");
  expect(shared.searchParams.get("utm_medium")).toBe("social");
  // Following the shared link lands on the product, tags and all.
  const response = await page.goto(shared.toString());
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Everyday mug" })).toBeVisible();
});

test("sitemap lists products and collections; robots points to it", async ({ request, baseURL }) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  expect(xml).toContain(`<loc>${baseURL}/products/linen-overshirt</loc>`);
  expect(xml).toContain(`<loc>${baseURL}/collections/candles</loc>`);
  expect(xml.match(/<url>/g)?.length).toBeGreaterThan(45);

  const robots = await (await request.get("/robots.txt")).text();
  // robots.txt is static, so it names the SITE_URL the shop was built with.
  expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  expect(robots).toContain("Disallow: /admin");
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: { reachable: true } });
});
