import "server-only";
import { cookies, headers } from "next/headers";
import { asksNotToBeTracked } from "@/lib/analytics/visitor";
import { decodeLanding, LANDING_COOKIE, type Landing } from "./landing";

/**
 * Where the current visitor's visit came from, as their landing cookie says (see ./landing.ts);
 * nothing when this request's browser asks not to be tracked, even if the cookie was set before.
 */
export async function currentLanding(): Promise<Landing | null> {
  if (asksNotToBeTracked(await headers())) return null;
  const jar = await cookies();
  return decodeLanding(jar.get(LANDING_COOKIE)?.value);
}
