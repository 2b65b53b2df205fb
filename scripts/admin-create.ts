/**
 * `npm run admin:create -- you@example.com`: makes that address an admin (creating the
 * account if needed). They then sign in with a magic link like everyone else: there is no
 * password to leak.
 */
import { prepareDatabase, resolveDatabase } from "./lib/database";

const email = process.argv[2]?.trim().toLowerCase();
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
  console.error("Usage: npm run admin:create -- you@example.com");
  process.exit(2);
}
const db = await resolveDatabase({ log: () => {} });
await prepareDatabase(db.url, { seed: "never" });
process.env.DATABASE_URL = db.url;
const { upsertUserWithRole } = await import("../db/queries/accounts");
try {
  const { user, created } = await upsertUserWithRole(email, "admin");
  console.log(`${user.email} ${created ? "was created as an admin" : "is now an admin"}. Sign in at /login with that address.`);
} finally {
  await db.embedded?.stop();
  process.exit(0);
}
