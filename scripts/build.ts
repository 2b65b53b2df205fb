/**
 * `npm run build`: draws the demo images (the build serves them from public/), then runs
 * `next build` without Next.js's telemetry. Needs no database.
 */
import { generateProductImages } from "./generate-images";
import { runNext } from "./lib/next";

await generateProductImages();
process.exit(await runNext(["build"]));
