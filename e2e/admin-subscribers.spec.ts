import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInAs } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";

/*
 * The marketer's newsletter list: who is subscribed to what, straight from the consent ledger,
 * with each person's history read-only; staff (who run orders and stock) do not see it.
 */

async function subscriber(email: string, events: { action: "requested" | "granted" | "withdrawn"; purpose: string; method: string }[], confirmed: boolean) {
  const [row] = await query((sql) => sql`insert into subscribers (email, confirmed_at) values (${email}, ${confirmed ? new Date() : null}) returning id`);
  for (const e of events) {
    await query(
      (sql) => sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${row!.id}, ${e.purpose}, ${e.action}, 'newsletter-signup@2026-11', 'footer', ${e.method})`,
    );
  }
  return row!.id as string;
}

test("a marketer filters the list by status and topic, and reads a subscriber's consent history with no way to change it", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const active = `sub-active-${tag}@example.com`;
  const pending = `sub-pending-${tag}@example.com`;
  const left = `sub-left-${tag}@example.com`;
  const activeId = await subscriber(
    active,
    [
      { action: "requested", purpose: "newsletter:new-arrivals", method: "double_opt_in" },
      { action: "granted", purpose: "newsletter:new-arrivals", method: "double_opt_in" },
    ],
    true,
  );
  await subscriber(pending, [{ action: "requested", purpose: "newsletter:new-arrivals", method: "double_opt_in" }], false);
  await subscriber(
    left,
    [
      { action: "granted", purpose: "newsletter:offers", method: "double_opt_in" },
      { action: "withdrawn", purpose: "newsletter:offers", method: "unsubscribe_header" },
    ],
    true,
  );

  const { context, page } = await signedInAs(browser, "marketer@emberandoak.example");
  await page.goto("/admin");
  const menu = page.getByRole("navigation", { name: "Admin" });
  await menu.getByRole("link", { name: "Subscribers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Subscribers" })).toBeVisible();

  const filters = page.getByRole("search", { name: "Filter subscribers" });
  await filters.getByLabel("Email address").fill(tag);
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("3 subscribers match").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: active })).toContainText("Subscribed");
  await expect(page.getByRole("row").filter({ hasText: active })).toContainText("New arrivals");
  await expect(page.getByRole("row").filter({ hasText: pending })).toContainText("Not confirmed yet");
  await expect(page.getByRole("row").filter({ hasText: left })).toContainText("Unsubscribed");

  await filters.getByLabel("Status").selectOption({ label: "Subscribed" });
  await filters.getByLabel("Topic").selectOption({ label: "New arrivals" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=active/);
  // The list before the filter may linger hidden for a moment (kept for back navigation).
  await expect(page.getByText("1 subscriber match").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: pending })).toHaveCount(0);

  await page.getByRole("link", { name: active }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/marketing/subscribers/${activeId}$`));
  const topic = page.locator('[data-purpose="newsletter:new-arrivals"]');
  await expect(topic).toContainText("Consented");
  await expect(topic.getByRole("list", { name: "History of New arrivals" }).getByRole("listitem")).toHaveCount(2);
  // Read-only: nothing on the page can grant or withdraw.
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("checkbox")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/admin/marketing/subscribers");
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("staff do not see the newsletter list: not in their menu, and the pages are not found", async ({ browser }) => {
  const id = await subscriber(`sub-staff-${randomUUID().slice(0, 8)}@example.com`, [], false);
  const { context, page } = await signedInAs(browser, "staff@emberandoak.example");
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Subscribers" })).toHaveCount(0);
  for (const path of ["/admin/marketing/subscribers", `/admin/marketing/subscribers/${id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  }
  await context.close();
});
