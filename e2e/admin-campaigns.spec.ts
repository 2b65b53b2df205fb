import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { latestEmail, signedInAs } from "./support/auth";
import { emailsTo } from "./support/mailbox";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";

/*
 * The marketer's journey from a segment to a sent campaign: the live count follows the rules,
 * the preview follows the draft, a test reaches their own inbox, "Send now" takes the audience
 * snapshot, the worker the e2e server runs sends it (to the capture mailbox) while the progress
 * panel follows, and the emails carry the headers, footer and a working one-click unsubscribe.
 */

const MARKETER = "marketer@emberandoak.example";

/** Confirmed subscribers who signed up through `source`, each granted the given topics; returns their addresses. */
async function subscribers(source: string, topicsEach: string[][]) {
  const emails: string[] = [];
  for (const topics of topicsEach) {
    const email = `camp-${randomUUID().slice(0, 8)}@example.com`;
    emails.push(email);
    const [row] = await query((sql) => sql`insert into subscribers (email, confirmed_at) values (${email}, now()) returning id`);
    for (const topic of topics) {
      await query(
        (sql) => sql`insert into consent_events (subscriber_id, purpose, action, wording_id, source, method) values (${row!.id}, ${topic}, 'granted', 'newsletter-signup@2026-11', ${source}, 'double_opt_in')`,
      );
    }
  }
  return emails;
}

test("a marketer builds a segment, writes a campaign, sends a test and sends it", async ({ browser }) => {
  test.setTimeout(90_000);
  const tag = randomUUID().slice(0, 8);
  const source = `utm:e2e-${tag}`;
  const readers = await subscribers(source, [["newsletter:offers", "newsletter:new-arrivals"], ["newsletter:offers", "newsletter:new-arrivals"], ["newsletter:offers"]]);

  const { context, page } = await signedInAs(browser, MARKETER);
  await page.goto("/admin");
  const menu = page.getByRole("navigation", { name: "Admin" });

  // A segment: the count follows the rules as they change.
  await menu.getByRole("link", { name: "Segments" }).click();
  await page.getByRole("link", { name: "New segment" }).click();
  const segmentForm = page.getByRole("form", { name: "New segment" });
  await segmentForm.getByLabel("Name").fill(`Instagram ${tag}`);
  await expect(page.getByText(/purchase rules only include people who allowed personalised suggestions/i)).toBeVisible();
  await segmentForm.getByLabel("Other sources").fill(source);
  const offers = page.locator('[data-topic="newsletter:offers"]');
  const arrivals = page.locator('[data-topic="newsletter:new-arrivals"]');
  await expect(offers).toHaveText("3 people would get a campaign on Offers and events");
  await expect(arrivals).toHaveText("2 people would get a campaign on New arrivals");
  await segmentForm.getByLabel("New arrivals").check();
  await expect(offers).toHaveText("2 people would get a campaign on Offers and events");
  await segmentForm.getByLabel("New arrivals").uncheck();
  await expect(offers).toHaveText("3 people would get a campaign on Offers and events");
  expect(await seriousViolations(page)).toEqual([]);
  await segmentForm.getByRole("button", { name: "Create segment" }).click();
  await expect(page).toHaveURL(/\/admin\/marketing\/segments\/[0-9a-f-]{36}\?saved=1$/);
  await expect(page.getByText("Segment created.")).toBeVisible();
  const segmentUrl = page.url().replace(/\?.*$/, "");

  // A campaign: the preview is the email, updated as it is written.
  await menu.getByRole("link", { name: "Campaigns" }).click();
  await page.getByRole("link", { name: "New campaign" }).click();
  const subject = `Winter sale ${tag}`;
  let form = page.getByRole("form", { name: "New campaign" });
  const preview = page.frameLocator('iframe[title="Email preview"]');
  // The page opens with the starter text already rendered as the email.
  await expect(preview.getByRole("heading", { name: "A new batch is out of the kiln" })).toBeVisible();
  await form.getByLabel("Subject").fill(subject);
  await form.getByLabel("Topic").selectOption({ label: "Offers and events" });
  await form.getByLabel("Audience").selectOption({ label: `Instagram ${tag}` });
  await form.getByLabel("Email", { exact: true }).fill(`# Everything must go ${tag}\n\nTwenty per cent off **every mug**. [See the mugs](http://localhost/collections/mugs)`);
  await expect(preview.getByRole("heading", { name: `Everything must go ${tag}` })).toBeVisible();
  await expect(page.getByTestId("preview-subject")).toHaveText(subject);
  await page.getByRole("tab", { name: "Plain text" }).click();
  await expect(page.getByLabel("Plain-text part")).toContainText("You subscribed to Offers and events on");
  await expect(page.getByLabel("Plain-text part")).toContainText(/every mug/i);

  await form.getByRole("button", { name: "Send a test to me" }).click();
  await expect(form.getByText(`Test sent to ${MARKETER}.`)).toBeVisible();
  const testMail = await latestEmail(MARKETER, new RegExp(`^\\[Test\\] ${subject}$`));
  expect(testMail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect(testMail.text).toContain("You subscribed to Offers and events on");

  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/admin\/marketing\/campaigns\/[0-9a-f-]{36}\?saved=1$/);
  const campaignId = /campaigns\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  form = page.getByRole("form", { name: "Edit campaign" });
  await expect(page.getByTestId("audience-count")).toHaveText("3 people");

  // Unsaved changes hold sending back until they are saved.
  await form.getByLabel("Preheader").fill("Three days only");
  await expect(page.getByText("Save the draft first: scheduling and sending use the saved version.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send now…" })).toBeDisabled();
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("button", { name: "Send now…" })).toBeEnabled();
  // axe cannot look inside the sandboxed preview (no scripts may run there): check the page with the plain-text tab shown.
  await page.getByRole("tab", { name: "Plain text" }).click();
  expect(await seriousViolations(page)).toEqual([]);

  // Send now: the dialog says how many, then the content is frozen and progress shows.
  await page.getByRole("button", { name: "Send now…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send this campaign now?" });
  await expect(dialog).toContainText("3 people");
  await dialog.getByRole("button", { name: "Send to 3 people" }).click();
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit campaign" })).toHaveCount(0);
  await expect(page.getByText("Fixed since it started sending")).toBeVisible();
  const [snapshot] = await query((sql) => sql`select count(*)::int as n from campaign_recipients where campaign_id = ${campaignId}`);
  expect(snapshot!.n).toBe(3);
  // The worker sends it; the panel follows without a reload and reaches 100 %.
  await expect(progress.getByRole("progressbar", { name: "Emails handled" })).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(progress.locator('[data-figure="Sent"]')).toHaveText("3");
  await expect(progress.locator('[data-figure="Remaining"]')).toHaveText("0");

  // Each reader got exactly one, with the one-click unsubscribe headers and the footer.
  for (const reader of readers) {
    const mails = (await emailsTo(reader)).filter((m) => m.subject === subject);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    expect(mail.text).toMatch(/Why you got this email: You subscribed to Offers and events on \d{1,2} \w{3} \d{4}/);
    expect(mail.text).toContain("Choose which emails you get");
    // The shop's postal address (from its settings) is in every marketing email.
    expect(mail.text).toContain("Hathersage S32 1BA");
    // Body links go through the shop's own counter, not straight to the destination.
    expect(mail.html).toMatch(/href="http:\/\/localhost:\d+\/r\/[\w-]+\.[\w-]+"/);
  }
  // One click on the mail app's Unsubscribe button (RFC 8058) ends the subscription, counted for this campaign.
  const first = (await emailsTo(readers[0]!)).find((m) => m.subject === subject)!;
  const unsubscribe = await page.request.post(first.headers["List-Unsubscribe"]!.slice(1, -1), { form: { "List-Unsubscribe": "One-Click" } });
  expect(unsubscribe.status()).toBe(200);
  const [left] = await query(
    (sql) => sql`select action, method from consent_events e join subscribers s on s.id = e.subscriber_id where s.email = ${readers[0]!} and e.purpose = 'newsletter:offers' order by e.id desc limit 1`,
  );
  expect(left).toEqual({ action: "withdrawn", method: "unsubscribe_header" });
  await page.reload();
  const results = page.getByRole("region", { name: "Results" });
  await expect(results).toContainText("Unsubscribe rate: 33.3%");
  // The sent campaign's page passes axe too (checked with the plain-text tab: axe cannot enter the sandboxed preview).
  await page.getByRole("tab", { name: "Plain text" }).click();
  expect(await seriousViolations(page)).toEqual([]);

  // List growth shows the campaign's unsubscribe rate beside the others.
  await menu.getByRole("link", { name: "List growth" }).click();
  await expect(page.getByRole("heading", { name: "List growth", level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: subject })).toContainText("33.3%");

  // The list shows it sent; its segment can no longer be deleted.
  await menu.getByRole("link", { name: "Campaigns" }).click();
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(row).toContainText("Sent");
  await expect(row).toContainText(`Instagram ${tag}`);
  await expect(row.getByRole("cell").nth(3)).toHaveText("3");
  await page.goto(segmentUrl);
  await page.getByRole("button", { name: "Delete segment…" }).click();
  const deleteDialog = page.getByRole("dialog", { name: "Delete this segment?" });
  await deleteDialog.getByRole("button", { name: "Delete segment" }).click();
  await expect(deleteDialog.getByRole("alert")).toContainText("cannot be deleted");
  await context.close();
});

/** A campaign stopped mid-send (as if paused by the marketer), with one reader still queued. */
async function pausedCampaign(tag: string, subject: string) {
  const [reader] = await subscribers(`utm:e2e-${tag}`, [["newsletter:new-arrivals"]]);
  const [campaign] = await query(
    (sql) => sql`insert into campaigns (subject, body, topic, created_by, status, started_at) values (${subject}, 'Hello', 'newsletter:new-arrivals', 'e2e', 'paused', now()) returning id`,
  );
  await query(
    (sql) => sql`insert into campaign_recipients (campaign_id, subscriber_id, email, consent_source, consent_at)
      select ${campaign!.id}, s.id, s.email, 'footer', now() from subscribers s where s.email = ${reader!}`,
  );
  return { id: campaign!.id as string, reader: reader! };
}

test("a paused campaign can be cancelled after a confirmation; nobody still waiting gets it", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const { id, reader } = await pausedCampaign(tag, `Cancel me ${tag}`);
  const { context, page } = await signedInAs(browser, MARKETER);
  await page.goto(`/admin/marketing/campaigns/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paused");
  await page.getByRole("button", { name: "Cancel sending…" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this campaign?" });
  await expect(dialog).toContainText("What was sent stays sent");
  await dialog.getByRole("button", { name: "Cancel campaign" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  await expect(page.getByRole("region", { name: "Progress" }).locator('[data-figure="Remaining"]')).toHaveText("0");
  const [queued] = await query((sql) => sql`select count(*)::int as n from campaign_recipients where campaign_id = ${id} and status = 'queued'`);
  expect(queued!.n).toBe(0);
  // The worker had every chance: still nothing for the reader.
  await page.waitForTimeout(2500);
  expect((await emailsTo(reader)).filter((m) => m.subject === `Cancel me ${tag}`)).toHaveLength(0);
  await context.close();
});

test("a paused campaign resumes and the worker finishes it", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  const { id, reader } = await pausedCampaign(tag, `Resume me ${tag}`);
  const { context, page } = await signedInAs(browser, MARKETER);
  await page.goto(`/admin/marketing/campaigns/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paused");
  await page.waitForTimeout(2500);
  // Paused means paused: the worker leaves it alone.
  expect((await emailsTo(reader)).filter((m) => m.subject === `Resume me ${tag}`)).toHaveLength(0);
  await page.getByRole("button", { name: "Resume" }).click();
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress.getByRole("progressbar", { name: "Emails handled" })).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sent");
  expect((await emailsTo(reader)).filter((m) => m.subject === `Resume me ${tag}`)).toHaveLength(1);
  await context.close();
});

test("staff see no campaigns or segments: not in their menu, pages not found, the live routes refused", async ({ browser }) => {
  const [campaign] = await query((sql) => sql`insert into campaigns (subject, body, topic, created_by) values ('Staff cannot see', 'x', 'newsletter:offers', 'e2e') returning id`);
  const { context, page } = await signedInAs(browser, "staff@emberandoak.example");
  await page.goto("/admin");
  const menu = page.getByRole("navigation", { name: "Admin" });
  await expect(menu.getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Campaigns" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Segments" })).toHaveCount(0);
  for (const path of ["/admin/marketing/campaigns", "/admin/marketing/campaigns/new", `/admin/marketing/campaigns/${campaign!.id}`, "/admin/marketing/segments", "/admin/marketing/segments/new"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  }
  expect((await page.request.get(`/admin/marketing/campaigns/${campaign!.id}/progress`)).status()).toBe(403);
  expect((await page.request.get("/admin/marketing/segments/count")).status()).toBe(403);
  expect((await page.request.post("/admin/marketing/campaigns/preview", { data: { subject: "x", topic: "newsletter:offers", body: "x" } })).status()).toBe(403);
  await context.close();
});
