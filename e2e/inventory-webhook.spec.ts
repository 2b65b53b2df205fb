import { expect, test } from "@playwright/test";
import { e2eServerSettings } from "./support/server-settings";
import { ProductPage } from "./pages/product-page";

const secret = e2eServerSettings.inventoryWebhookSecret;
const auth = { Authorization: `Bearer ${secret}` };

test.describe.configure({ mode: "serial" });

test("a stock update from the warehouse shows on the (cached) product page at once", async ({ page, request }) => {
  const product = new ProductPage(page);
  await product.goto("breakfast-bowl", "?variant=BREBOW-MOSS");
  await product.goto("breakfast-bowl", "?variant=BREBOW-MOSS"); // second view is served from the cache

  const sellOut = await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "BREBOW-MOSS", stock: 0 }] } });
  expect(sellOut.status()).toBe(200);
  await product.goto("breakfast-bowl", "?variant=BREBOW-MOSS");
  await expect(product.stock()).toContainText("Sold out");

  const restock = await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "brebow-moss", stock: 3 }] } });
  expect(restock.status()).toBe(200);
  await product.goto("breakfast-bowl", "?variant=BREBOW-MOSS");
  await expect(product.stock()).toContainText("Only 3 left");
});

test("the stock webhook refuses a missing or wrong token and changes nothing", async ({ request, page }) => {
  const none = await request.post("/api/catalog/stock", { data: { updates: [{ sku: "EVEMUG-OAT", stock: 0 }] } });
  expect(none.status()).toBe(401);
  const wrong = await request.post("/api/catalog/stock", {
    headers: { Authorization: "Bearer not-the-secret-but-long-enough" },
    data: { updates: [{ sku: "EVEMUG-OAT", stock: 0 }] },
  });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toMatchObject({ error: { code: "unauthorized" } });
  await page.goto("/products/everyday-mug?variant=EVEMUG-OAT");
  await expect(page.getByTestId("stock")).not.toContainText("Sold out");
});

test("the stock webhook explains bad input", async ({ request }) => {
  const notJson = await request.post("/api/catalog/stock", { headers: { ...auth, "Content-Type": "application/json" }, data: Buffer.from("{nope") });
  expect(notJson.status()).toBe(400);
  const negative = await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "EVEMUG-OAT", stock: -4 }] } });
  expect(negative.status()).toBe(422);
  expect(JSON.stringify(await negative.json())).toContain("negative");
  const unknown = await request.post("/api/catalog/stock", { headers: auth, data: { updates: [{ sku: "NO-SUCH", stock: 1 }] } });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ unknown: ["NO-SUCH"] });
});
