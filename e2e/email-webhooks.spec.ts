import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { requestSignInLink, signedInAs } from "./support/auth";
import { query } from "./support/database";

/*
 * The provider's reports, end to end: the shop sends a real email through the capture server,
 * which reports back to /api/webhooks/resend signed like Resend; a mailbox that no longer
 * exists (a hard bounce) or a spam complaint stops every newsletter at once, and the person
 * reads why in their privacy centre.
 */

async function subscribedReader(domain: string) {
  const email = `reader-${Date.now()}-${randomUUID().slice(0, 6)}@${domain}`;
  await query(async (sql) => {
    const [user] = await sql<{ id: string }[]>`insert into users (id, email, name, email_verified) values (gen_random_uuid()::text, ${email}, 'Rowan Reader', now()) returning id`;
    const [subscriber] = await sql<{ id: string }[]>`insert into subscribers (email, user_id, confirmed_at) values (${email}, ${user!.id}, now()) returning id`;
    for (const purpose of ["newsletter:new-arrivals", "newsletter:offers"]) {
      await sql`insert into consent_events (user_id, subscriber_id, purpose, action, wording_id, source, method)
                values (${user!.id}, ${subscriber!.id}, ${purpose}, 'granted', 'newsletter-signup@2026-11', 'newsletter-page', 'double_opt_in')`;
    }
  });
  return email;
}

async function withdrawals(email: string) {
  return query(
    (sql) => sql<{ purpose: string; method: string; source: string }[]>`
      select e.purpose, e.method, e.source from consent_events e join subscribers s on s.id = e.subscriber_id
      where s.email = ${email} and e.action = 'withdrawn' order by e.purpose`,
  );
}

for (const { domain, method, words } of [
  { domain: "bounce.invalid", method: "bounce", words: /We stopped sending on \d{1,2} \w{3} \d{4}: our emails to you could not be delivered\./ },
  { domain: "complaint.invalid", method: "complaint", words: /We stopped sending on \d{1,2} \w{3} \d{4} after one of our emails was marked as spam\./ },
]) {
  test(`a ${method} reported by the email provider stops every newsletter, and the reader is told why`, async ({ page, browser }) => {
    const email = await subscribedReader(domain);
    // Any email will do: a sign-in link, sent through the shop's real email code.
    await requestSignInLink(page, email);

    await expect.poll(() => withdrawals(email), { timeout: 15_000 }).toEqual([
      { purpose: "newsletter:new-arrivals", method, source: "email-provider" },
      { purpose: "newsletter:offers", method, source: "email-provider" },
    ]);

    const { context, page: account } = await signedInAs(browser, email);
    await account.goto("/account/privacy");
    for (const topic of ["New arrivals", "Offers and events"]) {
      await expect(account.getByRole("switch", { name: topic })).toHaveAttribute("aria-checked", "false");
      await expect(account.getByRole("list", { name: `History of ${topic}` }).getByRole("listitem").last()).toHaveText(words);
    }
    await context.close();
  });
}
