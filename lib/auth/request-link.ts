import "server-only";
import { getUserByEmail } from "@/db/queries/accounts";
import { AppError } from "@/lib/errors";
import { abuseLimits } from "@/lib/privacy/abuse-limits";
import { checkRateLimit, clientKey, limitOf, rateLimitBuckets, type RateLimit } from "@/lib/privacy/rate-limit";
import { signIn } from "./config";
import { safeReturnPath } from "./return-path";

/** Abuse limits on sign-in links (numbers in lib/privacy/abuse-limits.ts). */
export const SIGN_IN_LIMITS = { perAddressPerHour: abuseLimits.signInPerAddress.limit, perClientPerHour: abuseLimits.signInPerClient.limit };

/**
 * The one way a sign-in link is sent: /login, the "confirm it's you" step and staff invitations
 * all come here, and Auth.js's own /api/auth/signin endpoint is closed (see app/api/auth), so
 * no route around the limits exists. A staff address (the admin's way in) has stricter limits
 * on top, per address and per client; the answer is the same words either way, so it does not
 * tell who is staff.
 */
export async function sendSignInLinkWithinLimits(email: string, returnTo: string | null | undefined) {
  const client = await clientKey();
  const limits: RateLimit[] = [
    limitOf("signInPerAddress", rateLimitBuckets.signInAddress, email),
    limitOf("signInPerClient", rateLimitBuckets.signInClient, client, true),
  ];
  const person = await getUserByEmail(email);
  if (person && person.role !== "customer") {
    limits.push(
      limitOf("staffSignInPerAddress", rateLimitBuckets.staffSignInAddress, email),
      limitOf("staffSignInPerClient", rateLimitBuckets.staffSignInClient, client, true),
    );
  }
  const limited = await checkRateLimit(limits);
  if (limited) throw new AppError("rate_limited", "We have sent several sign-in links already. Please use the latest one, or try again in an hour.");
  await signIn("email", { email, redirectTo: safeReturnPath(returnTo, "/account"), redirect: false });
}
