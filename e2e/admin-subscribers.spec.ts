import { createHmac, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signedInAs } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";
import { e2eServerSettings } from "./support/server-settings";

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

/** The suppression list's keyed hash of an address, as lib/privacy/erasure.ts makes it with the server's AUTH_SECRET. */
function suppressionHash(email: string): string {
  return createHmac("sha256", e2eServerSettings.authSecret).update(`suppression\n${email.trim().toLowerCase()}`).digest("base64url");
}

const csvFile = (lines: string[]) => ({
  name: "old-list.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(["email,topics,consent_source,consent_date,consent_wording", ...lines].join("\n")),
});

test("a marketer imports a list with proof of consent: a bad row is reported and nothing applied, then the fixed file subscribes them with the declared date", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const ada = `imp-ada-${tag}@example.com`;
  const bob = `imp-bob-${tag}@example.com`;
  const wording = "Yes, email me when new pieces arrive and about offers.";
  const { context, page } = await signedInAs(browser, "marketer@emberandoak.example");
  await page.goto("/admin/marketing/subscribers");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import subscribers" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles(
    csvFile([`${ada},New arrivals;Offers and events,Market stall sign-up sheet,2024-03-15,"${wording}"`, `${bob},Offers and events,Website pop-up,15/03/2024,"${wording}"`]),
  );
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Nothing was imported: 1 problem was found");
  const problems = page.getByRole("table", { name: "Problems found in the file" });
  await expect(problems.getByRole("row")).toHaveCount(2);
  await expect(problems.getByRole("row").nth(1)).toContainText("3");
  await expect(problems.getByRole("row").nth(1)).toContainText("consent_date");
  await expect(problems.getByRole("row").nth(1)).toContainText("YYYY-MM-DD");
  expect(await query((sql) => sql`select count(*)::int as n from subscribers where email like ${`%${tag}%`}`)).toEqual([{ n: 0 }]);

  await page.getByLabel("CSV file").setInputFiles(
    csvFile([`${ada},New arrivals;Offers and events,Market stall sign-up sheet,2024-03-15,"${wording}"`, `${bob},Offers and events,Website pop-up,2024-03-16,"${wording}"`]),
  );
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByText("Imported 2 rows.")).toBeVisible();
  await expect(page.getByText("2 subscribers added")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "See the subscribers" }).click();
  const filters = page.getByRole("search", { name: "Filter subscribers" });
  await filters.getByLabel("Email address").fill(tag);
  await filters.getByLabel("Status").selectOption({ label: "Subscribed" });
  await filters.getByLabel("Signed up via").selectOption({ label: "Imported: market-stall-sign-up-sheet" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/source=import%3Amarket-stall-sign-up-sheet/);
  await expect(page.getByText("1 subscriber match").filter({ visible: true })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: ada });
  await expect(row).toContainText("Subscribed");
  await expect(row).toContainText("New arrivals, Offers and events");

  await page.getByRole("link", { name: ada }).click();
  const history = page.getByRole("list", { name: "History of Offers and events" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("consent given on 15 Mar 2024 (imported)");
  await expect(history).toContainText("market stall sign up sheet");
  // The ledger's wording id leads to the very words they agreed to.
  await expect(page.getByRole("region", { name: "Imported wording" })).toContainText(wording);
  await context.close();
});

test("a marketer finds the addresses that bounced, and exports the filtered list as a CSV", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const bounced = `bnc-gone-${tag}@example.com`;
  const fine = `bnc-fine-${tag}@example.com`;
  for (const email of [bounced, fine]) await subscriber(email, [{ action: "granted", purpose: "newsletter:offers", method: "double_opt_in" }], true);
  await query((sql) => sql`insert into suppressions (email_hash, reason) values (${suppressionHash(bounced)}, 'bounced')`);

  const { context, page } = await signedInAs(browser, "marketer@emberandoak.example");
  await page.goto(`/admin/marketing/subscribers?q=${tag}`);
  await expect(page.getByRole("row").filter({ hasText: bounced })).toContainText("Bounced");
  await expect(page.getByRole("row").filter({ hasText: fine })).toContainText("Subscribed");

  const filters = page.getByRole("search", { name: "Filter subscribers" });
  await filters.getByLabel("Status").selectOption({ label: "Bounced" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=bounced/);
  await expect(page.getByText("1 subscriber match").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: fine })).toHaveCount(0);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`subscribers-${new Date().toISOString().slice(0, 10)}.csv`);
  const lines = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("email,status,topics,source,signed_up_at,consent_wording_id");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${bounced},bounced,newsletter:offers,footer,`));

  // A filter nobody matches says so plainly.
  await page.goto(`/admin/marketing/subscribers?q=${tag}&status=complained`);
  await expect(page.getByText("No subscriber matches these filters.").filter({ visible: true })).toBeVisible();
  await context.close();
});
