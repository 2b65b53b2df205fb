import { randomUUID } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/constants";
import { baseURL } from "../../playwright.config";
import { query } from "./database";
import { emailsTo } from "./mailbox";

/** The newest email to `address` whose subject matches, once it has arrived. */
export async function latestEmail(address: string, subject: RegExp) {
  await expect.poll(async () => (await emailsTo(address)).filter((m) => subject.test(m.subject)).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return (await emailsTo(address)).find((m) => subject.test(m.subject))!;
}

/** The first link in an email's text part that matches. */
export function linkIn(mail: { text: string }, pattern: RegExp): string {
  const link = mail.text.match(/https?:\/\/[^\s)\]]+/g)?.find((l) => pattern.test(l));
  if (!link) throw new Error(`No link matching ${pattern} in: ${mail.text}`);
  return link;
}

/** Asks for a magic link on /login and returns the link from the captured email. */
export async function requestSignInLink(page: Page, email: string): Promise<string> {
  const before = (await emailsTo(email)).length;
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email address").fill(email);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect.poll(async () => (await emailsTo(email)).length).toBeGreaterThan(before);
  return linkIn((await emailsTo(email))[0]!, /\/login\/confirm\?/);
}

/** Signs in the way a person does: ask for a link, open it from the email, press the button. */
export async function signIn(page: Page, email: string) {
  const link = await requestSignInLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Continue to your account" }).click();
  await expect(page).toHaveURL(/\/account/);
}

export async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/**
 * A session for `email` made straight in the database, as if they had just signed in: for tests
 * about what a role may do, where the magic-link journey itself is not the subject.
 */
export async function sessionCookieFor(email: string) {
  const token = `e2e-${randomUUID()}`;
  const inserted = await query(
    (sql) => sql`insert into sessions (session_token, user_id, expires, device_summary)
      select ${token}, id, now() + interval '1 day', 'Test browser' from users where email = ${email} returning user_id`,
  );
  if (inserted.length !== 1) throw new Error(`No user ${email} to sign in as`);
  return { name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: "Lax" as const };
}

/** A browser context signed in as `email` (see sessionCookieFor), with a page open in it. */
export async function signedInAs(browser: Browser, email: string) {
  const context = await browser.newContext();
  await context.addCookies([await sessionCookieFor(email)]);
  const page = await context.newPage();
  return { context, page };
}
