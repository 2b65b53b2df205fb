/**
 * Runs the embedded PostgreSQL in the foreground until Ctrl-C (`npm run db:server`).
 * Handy when you want `next dev` or a database tool on its own.
 */
import { DEV_DATA_DIR, DEV_PORT, startEmbeddedOrExit } from "./lib/database";
import { serverUrlFor } from "./lib/embedded-postgres";

const db = await startEmbeddedOrExit({ dataDir: DEV_DATA_DIR, port: DEV_PORT, portSetting: "EMBEDDED_PG_PORT", log: console.log });
console.log(`PostgreSQL on ${serverUrlFor(DEV_PORT, "hearth")}${db.startedHere ? "" : " (already running)"}. Ctrl-C stops it.`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
setInterval(() => {}, 1 << 30);
