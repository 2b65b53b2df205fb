import { connection } from "next/server";

/**
 * `next build` must work without a database (a build that needs a live backend is a common
 * complaint about shop starters). When the build has no DATABASE_URL, pages that read the
 * catalogue outside a route parameter leave that part as a hole the server fills in at
 * request time; with a database at build time they are prerendered whole.
 */
export async function deferIfBuildingWithoutDatabase() {
  if (process.env.NEXT_PHASE === "phase-production-build" && !process.env.DATABASE_URL) {
    await connection();
  }
}
