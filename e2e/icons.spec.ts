import { expect, test } from "@playwright/test";

// Before the icons existed, every first visit fetched a 40 KB not-found page for /favicon.ico.
const icons = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)\b/ },
  { path: "/icon.svg", type: /^image\/svg\+xml\b/ },
  { path: "/apple-icon.png", type: /^image\/png\b/ },
];

for (const icon of icons) {
  test(`${icon.path} is an image served by the shop`, async ({ request }) => {
    const response = await request.get(icon.path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(icon.type);
    expect((await response.body()).length).toBeLessThan(10_000);
  });
}

test("the web manifest names the shop and lists icons on the shop's own origin", async ({ request, baseURL }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json\b/);
  const manifest = (await response.json()) as { name: string; start_url: string; theme_color: string; icons: { src: string; type: string; purpose?: string }[] };
  expect(manifest.name).toBe("Ember & Oak");
  expect(manifest.start_url).toBe("/");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, baseURL);
    expect(url.origin, icon.src).toBe(new URL(baseURL!).origin);
    const image = await request.get(url.pathname);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"], icon.src).toContain(icon.type);
  }
});

test("pages link the icons and the manifest in their head", async ({ page }) => {
  await page.goto("/privacy");
  const head = page.locator("head");
  await expect(head.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(head.locator('link[rel="icon"][type="image/svg+xml"][href^="/icon.svg"]')).toHaveCount(1);
  await expect(head.locator('link[rel="apple-touch-icon"][href^="/apple-icon.png"]')).toHaveCount(1);
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});
