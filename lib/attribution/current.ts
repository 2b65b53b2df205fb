import "server-only";
import { cookies } from "next/headers";
import { decodeLanding, LANDING_COOKIE, type Landing } from "./landing";

/** Where the current visitor's visit came from, as their landing cookie says (see ./landing.ts). */
export async function currentLanding(): Promise<Landing | null> {
  const jar = await cookies();
  return decodeLanding(jar.get(LANDING_COOKIE)?.value);
}
