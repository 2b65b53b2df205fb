import { expect, test } from "@playwright/test";
import { latestEmail, linkIn } from "./support/auth";
import { query } from "./support/database";
import { emailsTo, uniqueAddress } from "./support/mailbox";

async function subscribe(page: import("@playwright/test").Page, email: string, topics: string[]) {
  await page.goto("/newsletter");
  const form = page.getByRole("main").getByRole("form", { name: "Subscribe to our emails" });
  for (const topic of topics) await form.getByRole("checkbox", { name: new RegExp(topic) }).check();
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
}

/** Subscribes and confirms; returns the welcome email. */
async function subscribeAndConfirm(page: import("@playwright/test").Page, email: string, topics: string[]) {
  await subscribe(page, email, topics);
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();
  const confirm = await latestEmail(email, /confirm your subscription/);
  await page.goto(linkIn(confirm, /\/newsletter\/confirm\?token=/));
  await page.getByRole("button", { name: "Yes, subscribe me" }).click();
  await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  return latestEmail(email, /^Welcome to/);
}

test("double opt-in: nothing is subscribed until the emailed link is used, then a welcome email says why", async ({ page }) => {
  const email = uniqueAddress("reader");
  await page.goto("/newsletter");
  const form = page.getByRole("main").getByRole("form", { name: "Subscribe to our emails" });
  // No box is ticked for anyone, and a topic must be chosen.
  for (const box of await form.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(form.getByText("Choose at least one kind of email.")).toBeVisible();
  expect(await emailsTo(email)).toHaveLength(0);

  const welcome = await subscribeAndConfirm(page, email, ["New arrivals"]);
  expect(welcome.text).toMatch(/Why you got this email: You subscribed to New arrivals on \d{1,2} \w{3} \d{4} on the newsletter page\./);
  expect(welcome.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect(welcome.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\/[\w-]+\.[\w-]+>$/);
  expect(welcome.text).toContain("Choose which emails you get");

  // Opening the link again is not an error and sends no second welcome.
  const confirm = await latestEmail(email, /confirm your subscription/);
  await page.goto(linkIn(confirm, /\/newsletter\/confirm\?token=/));
  await expect(page.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  expect((await emailsTo(email)).filter((m) => /^Welcome/.test(m.subject))).toHaveLength(1);
});

test("a mail scanner that opens the confirmation link subscribes no one: only the button does, and it works without JavaScript", async ({ page, request, browser }) => {
  const email = uniqueAddress("scanned");
  await subscribe(page, email, ["Offers and events"]);
  const link = linkIn(await latestEmail(email, /confirm your subscription/), /\/newsletter\/confirm\?token=/);
  // What Safe Links and similar scanners do: fetch every link in the message, more than once.
  for (let i = 0; i < 3; i++) expect((await request.get(link)).status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(email);
  expect((await emailsTo(email)).filter((m) => /^Welcome/.test(m.subject))).toHaveLength(0);
  const stored = await query((sql) => sql`
    select s.confirmed_at, (select count(*)::int from consent_events e where e.subscriber_id = s.id and e.action = 'granted') as grants
    from subscribers s where s.email = ${email}`);
  expect(stored).toEqual([{ confirmed_at: null, grants: 0 }]);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(link);
  await noScript.getByRole("button", { name: "Yes, subscribe me" }).click();
  await expect(noScript.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  await latestEmail(email, /^Welcome to/);
  await context.close();
});

test("the signup answer never reveals whether an address is already on the list, and too many requests are refused", async ({ page }) => {
  const email = uniqueAddress("known");
  await subscribeAndConfirm(page, email, ["Offers and events"]);
  // Asking again for a subscribed address looks exactly like a first signup.
  await subscribe(page, email, ["Offers and events"]);
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();
  // At most three confirmation emails per address per day: the fourth is refused, clearly.
  await subscribe(page, email, ["New arrivals"]);
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();
  await subscribe(page, email, ["New arrivals"]);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("We have already sent several confirmation emails");
  expect((await emailsTo(email)).filter((m) => /confirm your subscription/.test(m.subject))).toHaveLength(3);
});

test("the footer form on any page starts the same double opt-in, and sends mistakes to the newsletter page", async ({ page }) => {
  const email = uniqueAddress("footer");
  await page.goto("/products/linen-napkins");
  let form = page.getByRole("contentinfo").getByRole("form", { name: "Subscribe to our emails" });
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\?problem=topics$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please tick at least one kind of email you would like.");
  expect(await emailsTo(email)).toHaveLength(0);

  await page.goto("/collections/candles");
  form = page.getByRole("contentinfo").getByRole("form", { name: "Subscribe to our emails" });
  await form.getByRole("checkbox", { name: "New arrivals" }).check();
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { name: "Nearly there: check your email" })).toBeVisible();
  const confirm = await latestEmail(email, /confirm your subscription/);
  expect(confirm.text).toContain("New arrivals");
});

test("the preference link in an email changes topics without signing in", async ({ page }) => {
  const email = uniqueAddress("chooser");
  const welcome = await subscribeAndConfirm(page, email, ["New arrivals", "Offers and events"]);
  await page.context().clearCookies();
  await page.goto(linkIn(welcome, /\/preferences\//));
  await expect(page.getByText(`For ${email}.`)).toBeVisible();
  const form = page.getByRole("form", { name: "Email preferences" });
  await expect(form.getByRole("checkbox", { name: /New arrivals/ })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: /Offers and events/ })).toBeChecked();
  await form.getByRole("checkbox", { name: /Offers and events/ }).uncheck();
  await form.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText("Your choices are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Email preferences" }).getByRole("checkbox", { name: /Offers and events/ })).not.toBeChecked();
  await expect(page.getByRole("form", { name: "Email preferences" }).getByRole("checkbox", { name: /New arrivals/ })).toBeChecked();
  await expect(page.getByText(/You subscribed to New arrivals on/)).toBeVisible();

  // A tampered link shows a clear page and no form.
  const url = new URL(linkIn(welcome, /\/preferences\//));
  await page.goto(url.pathname.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Email preferences" })).toHaveCount(0);
});

test("RFC 8058 one-click unsubscribe works from a plain HTTP client; GET and forged tokens change nothing", async ({ page, baseURL }) => {
  const email = uniqueAddress("leaving");
  const welcome = await subscribeAndConfirm(page, email, ["New arrivals"]);
  const target = welcome.headers["List-Unsubscribe"]!.slice(1, -1);
  const preferences = linkIn(welcome, /\/preferences\//);
  const subscribed = async () => {
    await page.goto(preferences);
    return page.getByRole("form", { name: "Email preferences" }).getByRole("checkbox", { name: /New arrivals/ }).isChecked();
  };

  // A GET (a mail scanner opening the link) shows a page and changes nothing.
  const get = await fetch(target, { redirect: "manual" });
  expect(get.status).toBe(200);
  expect(await get.text()).toContain("Unsubscribe from all emails");
  expect(await subscribed()).toBe(true);

  // A forged token: a clear page, nothing changed.
  const forged = target.replace(/\.[\w-]+$/, `.${"A".repeat(43)}`);
  const forgedPost = await fetch(forged, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click", redirect: "manual" });
  expect(forgedPost.status).toBe(404);
  expect(await forgedPost.text()).toContain("This unsubscribe link is not valid");
  expect(await subscribed()).toBe(true);

  // The mail app's one-click POST: no cookies, no session, 200 and no redirect.
  const post = await fetch(target, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click", redirect: "manual" });
  expect(post.status).toBe(200);
  expect(post.headers.get("location")).toBeNull();
  expect(await post.text()).toContain("You are unsubscribed");
  expect(await subscribed()).toBe(false);
  expect(baseURL).toBeTruthy();
});

test("the unsubscribe page's button works in a browser without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueAddress("nojs");
  const welcome = await subscribeAndConfirm(page, email, ["Offers and events"]);
  await page.goto(welcome.headers["List-Unsubscribe"]!.slice(1, -1));
  await expect(page.getByText(`Stop all newsletters to ${email}?`)).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe from all emails" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await context.close();
});
