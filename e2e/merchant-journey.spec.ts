import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { latestEmail, signIn } from "./support/auth";
import { query } from "./support/database";
import { uniqueAddress } from "./support/mailbox";

/*
 * The merchant's day, end to end, the way a newcomer would try it: the admin signs in with an
 * emailed link, adds a product with a photo, publishes it, a shopper buys it, the admin takes the
 * order to shipped, the shopper is told and sees it, and every admin step is in the audit log.
 */

const ADMIN = "admin@emberandoak.example";

function photo() {
  return sharp({ create: { width: 640, height: 800, channels: 3, background: "#5b6b4a" } })
    .composite([{ input: Buffer.from('<svg width="640" height="800"><rect x="170" y="200" width="300" height="400" rx="40" fill="#efe4cf"/></svg>') }])
    .png()
    .toBuffer();
}

test("admin adds a product with a photo, a shopper buys it, the admin ships it, the shopper is told, and the audit log has each step", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const word = `juniper${randomUUID().slice(0, 6)}`;
  const title = `Beeswax taper ${word}`;
  const slug = `beeswax-taper-${word}`;
  const sku = `TAPER-${word.toUpperCase()}`;

  // 1. The admin signs in like anyone else: an emailed link, then the admin.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin");
  await expect(admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" })).toBeVisible();

  // 2. A new product with one variant.
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
  await admin.getByRole("link", { name: "New product" }).click();
  await admin.getByLabel("Title", { exact: true }).fill(title);
  await expect(admin.getByLabel("Slug")).toHaveValue(slug);
  await admin.getByLabel("Summary").fill("Hand-dipped, burns for eight hours.");
  await admin.getByRole("checkbox", { name: "Candles" }).check();
  const variant = admin.getByRole("listitem", { name: "Variant 1" });
  await variant.getByLabel("SKU").fill(sku);
  await variant.getByLabel("Price (GBP)").fill("12.00");
  await variant.getByLabel("Stock").fill("3");
  await admin.getByRole("button", { name: "Create product" }).click();
  await expect(admin).toHaveURL(/\/admin\/products\/\d+/);

  // 3. A photo, then publish.
  await admin.getByLabel("Photo", { exact: true }).setInputFiles({ name: "taper.png", mimeType: "image/png", buffer: await photo() });
  await admin.getByLabel("Description (alt text)").fill("Two beeswax tapers in a brass holder");
  await admin.getByRole("button", { name: "Upload photo" }).click();
  await expect(admin.getByRole("img", { name: "Two beeswax tapers in a brass holder" })).toBeVisible();
  await admin.getByLabel("Status").selectOption("published");
  await admin.getByRole("button", { name: "Save product" }).click();
  await expect(admin.getByText("Product saved. The shop shows the change now.").first()).toBeVisible();

  // 4. It is in the shop at once, and a shopper orders it as a guest.
  const email = uniqueAddress("journey");
  const response = await page.goto(`/products/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("img", { name: "Two beeswax tapers in a brass holder" }).first()).toBeVisible();
  await addToCart(page, `/products/${slug}`);
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ email, name: "Mary Anning", line1: "3 Broad Street", city: "Lyme Regis", postalCode: "DT7 3QD" });
  await checkout.placeOrder();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?token=/);
  const orderPage = page.url();
  const number = ((await page.getByText(/^Order H-\d+$/).textContent()) ?? "").replace("Order ", "");
  expect(number).toMatch(/^H-\d+$/);
  await latestEmail(email, new RegExp(number));

  // 5. The admin finds the order and takes it to shipped.
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
  const filters = admin.getByRole("search", { name: "Filter orders" });
  await filters.getByLabel("Order number or email").fill(number);
  await filters.getByRole("button", { name: "Apply" }).click();
  await admin.getByRole("link", { name: number }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Awaiting payment");
  await admin.getByRole("button", { name: "Mark as paid" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Paid");
  await admin.getByRole("button", { name: "Mark as fulfilled" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Fulfilled");
  const ship = admin.getByRole("form", { name: "Mark as shipped" });
  await ship.getByLabel("Carrier").fill("Parcelforce");
  await ship.getByLabel("Tracking number").fill("PF 9988 7766");
  await ship.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Shipped");

  // 6. The shopper was told, and their order page says so. The stock went down by one.
  const shipped = await latestEmail(email, new RegExp(`Order ${number} has shipped`));
  expect(shipped.text).toContain("PF 9988 7766");
  await page.goto(orderPage);
  await expect(page.getByTestId("order-status")).toHaveText("Shipped");
  await expect(page.getByText("PF 9988 7766")).toBeVisible();
  const [stock] = await query((sql) => sql`select stock from product_variants where sku = ${sku}`);
  expect(stock!.stock).toBe(2);

  // 7. The audit log has each admin step, with who did it.
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  const log = admin.getByRole("region", { name: "Audit log entries, newest first" });
  for (const text of [`Order ${number}: fulfilled → shipped`, `Order ${number}: paid → fulfilled`, `Order ${number}: awaiting_payment → paid`]) {
    await expect(log.getByText(text, { exact: false }).first()).toBeVisible();
  }
  const productId = (await query((sql) => sql`select id from products where slug = ${slug}`))[0]!.id as number;
  const actions = await query(
    (sql) => sql`select action from audit_log where actor_email = ${ADMIN} and ((entity_type = 'product' and entity_id = ${String(productId)}) or (entity_type = 'order' and summary like ${`Order ${number}:%`})) order by id`,
  );
  expect(actions.map((a) => a.action)).toEqual(["product.create", "product.image.add", "product.update", "order.mark_paid", "order.fulfil", "order.ship"]);
  await adminContext.close();
});
