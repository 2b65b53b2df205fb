/**
 * `npm run email:test -- you@example.com`: sends one real email through the shop's email
 * module, so a merchant can check RESEND_API_KEY, EMAIL_FROM and their domain before the
 * first order comes in. The message is recorded like every other.
 */
import { createElement } from "react";
import { prepareDatabase, resolveDatabase } from "./lib/database";

const to = process.argv[2];
if (!to || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) {
  console.error("Usage: npm run email:test -- you@example.com");
  process.exit(2);
}
const db = await resolveDatabase({ log: () => {} });
await prepareDatabase(db.url, { seed: "never" });
process.env.DATABASE_URL = db.url;
const { sendEmail } = await import("../lib/email/send");
const { TestMessageEmail } = await import("../lib/email/templates/test-message");
const { siteUrl } = await import("../lib/env");
try {
  const result = await sendEmail({
    to,
    subject: "Testing your shop's email",
    template: "test-message",
    reason: "You ran npm run email:test.",
    category: "transactional",
    react: createElement(TestMessageEmail, { siteUrl: siteUrl(), sentAt: new Date().toUTCString() }),
  });
  console.log(`Sent. Provider message id ${result.providerMessageId}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.embedded?.stop();
  process.exit();
}
