/** `npm run db:migrate` and `npm run db:seed` (idempotent). */
import { seedDatabase } from "../db/seed";
import { runMigrations } from "../db/migrate";
import { resolveDatabase } from "./lib/database";

const command = process.argv[2];
const db = await resolveDatabase();
try {
  if (command === "migrate") {
    await runMigrations(db.url);
    console.log("Migrations applied.");
  } else if (command === "seed") {
    await runMigrations(db.url);
    await seedDatabase(db.url);
  } else {
    console.error("Usage: tsx scripts/db.ts migrate|seed");
    process.exitCode = 2;
  }
} finally {
  await db.embedded?.stop();
}
