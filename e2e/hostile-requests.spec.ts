import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { addToCart, CartPage } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { query } from "./support/database";
import { uniqueAddress } from "./support/mailbox";

/*
 * Requests no browser would send, from scripts probing the shop: each gets a clear 4xx (never
 * a 500) and changes nothing.
 */


test("addresses with broken percent-encoding are a 404, not a server error", async ({ request }) => {
  for (const path of ["/search/%ff", "/collections/%ff/x", "/unsubscribe/%ff", "/preferences/%ff", "/account/orders/%ff", "/orders/%ff", "/api/auth/%ff", "/products/%E0%A4%A"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  // The auth library's session endpoint with a malformed callbackUrl (it answered 500).
  expect((await request.get("/api/auth/session?callbackUrl=%ff")).status()).toBe(404);
});

test("a body over 1 MB is refused with 413, and one without a declared length with 411", async ({ request }) => {
  const big = await request.post("/newsletter", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `email=${"a".repeat(1_100_000)}` });
  expect(big.status()).toBe(413);
  const bigWebhook = await request.post("/api/catalog/stock", { headers: { authorization: "Bearer x", "content-type": "application/json" }, data: `{"updates":[${'{"sku":"X","stock":1},'.repeat(60_000)}]}` });
  expect(bigWebhook.status()).toBe(413);
  // The product admin takes photos up to 8 MB, but only from someone signed in: an anonymous
  // 2 MB post there is refused before anything reads it.
  const anonymousUpload = await request.post("/admin/products/1", { headers: { "content-type": "application/x-www-form-urlencoded" }, data: `photo=${"a".repeat(2_000_000)}` });
  expect(anonymousUpload.status()).toBe(413);

  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest(`${baseURL}/newsletter`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write("email=a%40b.c");
    req.end();
  });
  expect(status).toBe(411);
});

/** The id of the sign-in action, as the login page's form carries it for browsers without JavaScript. */
async function signInActionId(request: import("@playwright/test").APIRequestContext) {
  const html = await (await request.get("/login")).text();
  const id = html.match(/&quot;id&quot;:&quot;([0-9a-f]{42})&quot;|"id":"([0-9a-f]{42})"/);
  expect(id, "the login form's action id").not.toBeNull();
  return (id![1] ?? id![2])!;
}

test("an action called with a plain object instead of a form is refused and sends nothing", async ({ request }) => {
  const id = await signInActionId(request);
  const response = await request.post("/login", {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([null, { email: "plain@example.com" }]),
  });
  expect(response.status()).toBe(400);
  // With no body at all.
  expect((await request.post("/login", { headers: { "next-action": id } })).status()).toBe(400);
});

test("the catalogue's cached functions cannot be called as actions, with or without JavaScript", async ({ request }) => {
  // Next.js registers every 'use cache' function as a server reference; this is how a script
  // finds their ids (they are in the build, and would be guessable from any leak of it).
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  const cached = Object.entries(manifest.node).filter(([, v]) => v.exportedName?.startsWith("$$RSC_SERVER_CACHE"));
  expect(cached.length).toBeGreaterThan(0);
  for (const [id] of cached) {
    const viaHeader = await request.post("/search?q=mug", {
      headers: { "next-action": id, accept: "text/x-component" },
      multipart: { "1": JSON.stringify(["mug", -5]) },
    });
    expect(viaHeader.status(), id).toBe(404);
    const viaForm = await request.post("/search?q=mug", { multipart: { [`$ACTION_ID_${id}`]: "", page: "-5" } });
    expect(viaForm.status(), id).toBe(404);
    // The bound form React's useActionState uses, under any prefix React accepts.
    const viaBoundForm = await request.post("/search?q=mug", {
      multipart: { "$ACTION_REF_x": "", "$ACTION_x:0": JSON.stringify({ id, bound: "$@1" }), "$ACTION_x:1": JSON.stringify(["mug", -5]) },
    });
    expect(viaBoundForm.status(), id).toBe(404);
    const withoutBody = await request.post("/search?q=mug", { headers: { "next-action": id } });
    expect(withoutBody.status(), id).toBe(404);
  }
  // The search page is still fine.
  expect((await request.get("/search?q=mug")).status()).toBe(200);
});

test("a NUL byte in a checkout field gets a clear message and places no order", async ({ page }) => {
  await addToCart(page, "/products/ribbed-beanie");
  const email = uniqueAddress("nul");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ email, name: "Nul Byte", line1: "1 Road", city: "Leeds", postalCode: "LS1 1AA" });
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>("input[name=name]")!;
    input.value = "Nul\u0000Byte";
  });
  await checkout.placeOrder();
  await expect(page.getByText("Remove the unusual characters from this field.")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
  const [orders] = await query((sql) => sql`select count(*)::int as n from orders where email = ${email}`);
  expect(orders!.n).toBe(0);
  await new CartPage(page).goto();
  await expect(page.getByRole("listitem", { name: /^Ribbed beanie/ })).toBeVisible();
});
