import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sessionCookieFor } from "./support/auth";
import { query } from "./support/database";

test("an admin downloads the orders CSV: dated file, the header, the shop's orders, formulas neutralised, on record", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const [order] = await query(
    (sql) => sql`
      insert into orders (email, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
        subtotal_amount, discount_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, status)
      values (${`csv-${tag}@example.com`}, '=HYPERLINK("http://evil.example")', '1 Road', 'Town', 'AB1', 'GB', 'standard', 'GBP', 2550, 0, 495, 425, 3045, true, 'manual', ${tag}, 'fp', 'paid')
      returning number`,
  );
  const context = await browser.newContext();
  await context.addCookies([await sessionCookieFor("admin@emberandoak.example")]);
  const page = await context.newPage();
  await page.goto("/admin/exports");
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  for (const name of ["orders", "order lines", "customers", "newsletter subscribers"]) await expect(page.getByRole("link", { name: `Download ${name} CSV` })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download orders CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`orders-${new Date().toISOString().slice(0, 10)}.csv`);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...lines] = text.trimEnd().split("\r\n");
  expect(header).toBe("order_number,placed_at,status,email,name,country,shipping_method,currency,subtotal,discount,discount_code,shipping,tax,total,prices_include_tax,payment_provider");
  const line = lines.find((l) => l.startsWith(`${order!.number},`));
  expect(line).toMatch(new RegExp(`^${order!.number},\\S+Z,paid,csv-${tag}@example.com,"'=HYPERLINK\\(""http://evil.example""\\)",GB,standard,GBP,25.50,0.00,,4.95,4.25,30.45,yes,manual$`));
  expect(lines.length).toBeGreaterThanOrEqual(1);

  const [audit] = await query((sql) => sql`select action, summary from audit_log where action = 'export.download' and actor_email = 'admin@emberandoak.example' order by id desc limit 1`);
  expect(audit).toEqual({ action: "export.download", summary: `Downloaded the orders CSV (${download.suggestedFilename()})` });
  await context.close();
});

test("a marketer cannot open the exports or download one", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([await sessionCookieFor("marketer@emberandoak.example")]);
  const page = await context.newPage();
  const response = await page.goto("/admin/exports");
  await expect(page.getByRole("link", { name: /Download .* CSV/ })).toHaveCount(0);
  expect(response).not.toBeNull();
  const csv = await page.request.get("/admin/exports/customers.csv");
  expect(csv.status()).toBe(403);
  await context.close();
});

test("with a sign-in older than ten minutes, the exports ask the admin to confirm it is them and nothing is downloaded", async ({ browser }) => {
  const email = `stale-staff-${randomUUID().slice(0, 8)}@example.com`;
  await query((sql) => sql`insert into users (id, email, role) values (gen_random_uuid()::text, ${email}, 'staff')`);
  const cookie = await sessionCookieFor(email);
  await query((sql) => sql`update sessions set created_at = now() - interval '1 hour' where session_token = ${cookie.value}`);
  const context = await browser.newContext();
  await context.addCookies([cookie]);
  const page = await context.newPage();
  await page.goto("/admin/exports");
  await expect(page.getByRole("form", { name: "Confirm it is you" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);

  // Asking for the file directly: sent back to the page that offers the link, and nothing on record.
  const response = await page.request.get("/admin/exports/customers.csv", { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toBe("/admin/exports?confirm=1");
  expect(await response.text()).toBe("");
  expect(await query((sql) => sql`select action from audit_log where actor_email = ${email}`)).toEqual([]);
  await context.close();
});
