import "server-only";
import { currentLanding } from "@/lib/attribution/current";
import { signupWording } from "@/lib/consent/purposes";
import { startNewsletterSignup } from "./signup";

/*
 * Signup forms with no client code (the footer on every page, and /links) answer by sending
 * the person on: to "check your inbox", or to /newsletter, which says what to fix. Both use
 * these, so they say the same thing and record the same wording.
 */

export const CHECK_EMAIL_PATH = "/newsletter/check-email";

/** Where a form whose fields did not pass goes: /newsletter explains the first problem. */
export function signupProblemPath(fields: string[]): string {
  return `/newsletter?problem=${fields.includes("email") ? "email" : "topics"}`;
}

/**
 * Starts the double opt-in and says where to go next (the limit reached is a problem to explain,
 * too). The visit's source, if it came from a post or another site, goes with it.
 */
export async function startPlainFormSignup(input: { email: string; topics: string[]; source: string }): Promise<string> {
  const result = await startNewsletterSignup({ ...input, wordingId: signupWording.id, landing: await currentLanding() });
  return result.ok ? CHECK_EMAIL_PATH : "/newsletter?problem=limited";
}
