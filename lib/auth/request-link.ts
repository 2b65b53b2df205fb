import "server-only";
import { AppError } from "@/lib/errors";
import { checkRateLimit, clientKey, rateLimitBuckets } from "@/lib/privacy/rate-limit";
import { signIn } from "./config";
import { safeReturnPath } from "./return-path";

/** Abuse limits on sign-in links: per address, and per network address (× CLIENT_RATE_LIMIT_FACTOR). */
export const SIGN_IN_LIMITS = { perAddressPerHour: 5, perClientPerHour: 20 };

/**
 * The one way a sign-in link is sent: /login and the "confirm it's you" step both come here,
 * and Auth.js's own /api/auth/signin endpoint is closed (see app/api/auth), so no route around
 * the limits exists.
 */
export async function sendSignInLinkWithinLimits(email: string, returnTo: string | null | undefined) {
  const limited = await checkRateLimit([
    { bucket: rateLimitBuckets.signInAddress, key: email, limit: SIGN_IN_LIMITS.perAddressPerHour, windowMinutes: 60 },
    { bucket: rateLimitBuckets.signInClient, key: await clientKey(), limit: SIGN_IN_LIMITS.perClientPerHour, windowMinutes: 60, perClient: true },
  ]);
  if (limited) throw new AppError("rate_limited", "We have sent several sign-in links already. Please use the latest one, or try again in an hour.");
  await signIn("email", { email, redirectTo: safeReturnPath(returnTo, "/account"), redirect: false });
}
