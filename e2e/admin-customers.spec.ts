import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { sessionCookieFor } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";
import { emailsTo } from "./support/mailbox";

/*
 * The merchant's customer pages: search, the read-only consent history, and answering a
 * customer's data request (export after a recent sign-in, erasure through the privacy centre's
 * own code), each on record in the audit log.
 */

/** A customer with an order, a saved address and a consent history, under a unique name. */
async function makeCustomer(label: string) {
  const tag = `${label}${randomUUID().slice(0, 6)}`;
  const email = `${tag.toLowerCase()}@customers.example`;
  return query(async (sql) => {
    const [user] = await sql`insert into users (id, email, name, role, email_verified) values (gen_random_uuid()::text, ${email}, ${`Wren ${tag}`}, 'customer', now()) returning id`;
    const id = user!.id as string;
    await sql`insert into addresses (user_id, name, line1, city, postal_code, country, is_default) values (${id}, ${`Wren ${tag}`}, '4 Mill Lane', 'Hathersage', 'S32 1AA', 'GB', true)`;
    const [order] = await sql`
      insert into orders (email, user_id, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
        subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, status)
      values (${email}, ${id}, ${`Wren ${tag}`}, '4 Mill Lane', 'Hathersage', 'S32 1AA', 'GB', 'standard', 'GBP', 4200, 0, 700, 4200, true, 'manual', ${randomUUID()}, 'fp', 'paid')
      returning id, number`;
    await sql`insert into consent_events (user_id, purpose, action, wording_id, source, method, created_at) values
      (${id}, 'personalisation', 'granted', 'personalisation@2026-11', 'privacy-centre', 'privacy_centre', now() - interval '2 days'),
      (${id}, 'personalisation', 'withdrawn', 'personalisation@2026-11', 'privacy-centre', 'privacy_centre', now() - interval '1 day')`;
    return { id, email, name: `Wren ${tag}`, tag, orderId: order!.id as string, orderNumber: order!.number as string };
  });
}

/** A staff member of their own (so mail, rate limits and sessions are this test's alone), signed in. */
async function staffMember(browser: Browser, role: "staff" | "admin") {
  const email = `${role}-${randomUUID().slice(0, 8)}@staff.example`;
  await query((sql) => sql`insert into users (id, email, name, role, email_verified) values (gen_random_uuid()::text, ${email}, 'Desk', ${role}, now())`);
  const cookie = await sessionCookieFor(email);
  const context = await browser.newContext();
  await context.addCookies([cookie]);
  return { email, token: cookie.value, context, page: await context.newPage() };
}

test("staff search for a customer, open them and read their consent history, with no way to grant consent", async ({ browser }) => {
  const customer = await makeCustomer("Search");
  const { page, context } = await staffMember(browser, "staff");
  await page.goto("/admin/customers");
  await page.getByLabel("Search by email or name").fill(customer.tag.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers\\?q=${customer.tag.toUpperCase()}`));
  // Only the shown list: the one before the search may linger hidden for a moment (kept for back navigation).
  await expect(page.getByText(`1 customer matching “${customer.tag.toUpperCase()}”`).filter({ visible: true })).toBeVisible();
  await page.getByRole("link", { name: customer.name }).click();

  await expect(page.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();
  await expect(page.getByRole("link", { name: customer.orderNumber })).toHaveAttribute("href", `/admin/orders/${customer.orderId}`);
  await expect(page.getByText("4 Mill Lane, Hathersage, S32 1AA, GB")).toBeVisible();

  const consent = page.locator("section", { has: page.getByRole("heading", { name: "Consent" }) });
  const history = consent.getByRole("list", { name: "History of Personalised suggestions" });
  await expect(history.getByRole("listitem")).toHaveText([/^Granted on .* in their privacy centre \(privacy centre switch\) · personalisation@2026-11$/, /^Withdrawn on .* in their privacy centre \(privacy centre switch\) · personalisation@2026-11$/]);
  await expect(consent.locator("[data-purpose=personalisation]").getByText("No consent")).toBeVisible();
  await expect(consent.getByText("staff cannot grant it on their behalf")).toBeVisible();
  // Nothing in the consent section can change anything.
  await expect(consent.getByRole("button")).toHaveCount(0);
  await expect(consent.getByRole("switch")).toHaveCount(0);
  await expect(consent.getByRole("checkbox")).toHaveCount(0);
  await expect(consent.locator("form")).toHaveCount(0);
  await context.close();
});

test("an admin whose sign-in is not recent confirms it is them before exporting a customer's data", async ({ browser }) => {
  const customer = await makeCustomer("Export");
  const admin = await staffMember(browser, "admin");
  const { page } = admin;
  await query((sql) => sql`update sessions set created_at = now() - interval '11 minutes' where session_token = ${admin.token}`);

  // Following an old download link leads back to the page, which asks for a fresh sign-in.
  await page.goto(`/admin/customers/${customer.id}/export`);
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customer.id}\\?confirm=1`));
  await expect(page.getByText("Your sign-in is more than 10 minutes old")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download customer data (JSON)" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Erase customer data…" })).toHaveCount(0);
  const [noAudit] = await query((sql) => sql`select count(*)::int as n from audit_log where entity_id = ${customer.id}`);
  expect(noAudit!.n).toBe(0);

  await page.getByRole("button", { name: "Email me a link to confirm" }).click();
  await expect(page.getByText(`We have emailed a sign-in link to ${admin.email}`)).toBeVisible();
  await expect.poll(async () => (await emailsTo(admin.email)).length).toBe(1);
  const link = (await emailsTo(admin.email))[0]!.text.match(/https?:\/\/\S+\/login\/confirm\?\S+/)![0];
  await page.goto(link);
  await page.getByRole("button", { name: "Continue to your account" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customers/${customer.id}$`));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download customer data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^customer-${customer.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const data = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
  expect(data.profile).toMatchObject({ email: customer.email, name: customer.name });
  expect(data.orders.map((o: { number: string }) => o.number)).toEqual([customer.orderNumber]);
  expect(data.consentHistory.map((c: { action: string }) => c.action)).toEqual(["granted", "withdrawn"]);

  const audit = await query((sql) => sql`select action, actor_email, summary from audit_log where entity_id = ${customer.id}`);
  expect(audit).toEqual([{ action: "customer.export", actor_email: admin.email, summary: `Downloaded customer ${customer.id}'s data on request (privacy-centre export)` }]);
  await admin.context.close();
});

test("staff erase a customer's data after confirming, and the audit log has the entry without their details", async ({ browser }) => {
  const customer = await makeCustomer("Erase");
  const staff = await staffMember(browser, "staff");
  const { page } = staff;
  await page.goto(`/admin/customers/${customer.id}`);
  await page.getByRole("button", { name: "Erase customer data…" }).click();
  const dialog = page.getByRole("dialog", { name: "Erase this customer’s data?" });
  await expect(dialog.getByText("Their 1 order is kept for the accounts")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const [stillThere] = await query((sql) => sql`select count(*)::int as n from users where id = ${customer.id}`);
  expect(stillThere!.n).toBe(1);

  await page.getByRole("button", { name: "Erase customer data…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Erase for good" }).click();
  await expect(page).toHaveURL(/\/admin\/customers\?erased=1$/);
  await expect(page.getByText("The customer’s account and personal data were erased.")).toBeVisible();

  const [gone] = await query((sql) => sql`select count(*)::int as n from users where id = ${customer.id}`);
  expect(gone!.n).toBe(0);
  const [order] = await query((sql) => sql`select email, shipping_name from orders where id = ${customer.orderId}`);
  expect(order).toEqual({ email: "erased@erased.invalid", shipping_name: "Erased customer" });
  const audit = await query((sql) => sql`select action, actor_email, summary::text as summary, coalesce(before::text, '') || coalesce(after::text, '') as detail from audit_log where entity_id = ${customer.id}`);
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ action: "customer.erase", actor_email: staff.email });
  expect(`${audit[0]!.summary} ${audit[0]!.detail}`).not.toContain(customer.tag);

  // The customer's page is gone with them.
  await page.goto(`/admin/customers/${customer.id}`);
  await expect(page.getByRole("heading", { level: 1, name: customer.name })).toHaveCount(0);
  await staff.context.close();
});

test("the customer, discount and export pages have no serious accessibility issue at tablet width", async ({ browser }) => {
  // Several pages, each loaded and scanned by axe: on a busy CI machine this outgrows the default 30 s.
  test.slow();
  const customer = await makeCustomer("Axe");
  const admin = await staffMember(browser, "admin");
  const { page } = admin;
  await page.setViewportSize({ width: 768, height: 1000 });
  const [discount] = await query((sql) => sql`select id from discount_codes order by id limit 1`);
  for (const path of ["/admin/customers", `/admin/customers?q=${customer.tag}`, `/admin/customers/${customer.id}`, "/admin/discounts", "/admin/discounts/new", `/admin/discounts/${discount!.id}`, "/admin/exports"]) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await admin.context.close();
});
