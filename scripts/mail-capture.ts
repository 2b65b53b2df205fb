/** Runs the capture server on its own: `npx tsx scripts/mail-capture.ts [port]`. */
import { startMailCapture } from "./lib/mail-capture";

const capture = await startMailCapture({ port: Number(process.argv[2] ?? process.env.MAIL_CAPTURE_PORT ?? 3025) });
console.log(`Captured mail: ${capture.url} (point RESEND_BASE_URL here). Ctrl-C stops it.`);
process.on("SIGINT", () => void capture.stop().then(() => process.exit(0)));
process.on("SIGTERM", () => void capture.stop().then(() => process.exit(0)));
