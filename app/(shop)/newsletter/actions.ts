"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicFormAction, publicRedirectingAction } from "@/lib/actions";
import { currentLanding } from "@/lib/attribution/current";
import { AppError } from "@/lib/errors";
import { signupProblemPath, startPlainFormSignup } from "@/lib/newsletter/plain-form";
import { confirmNewsletterSignup, startNewsletterSignup } from "@/lib/newsletter/signup";
import { signupWording } from "@/lib/consent/purposes";
import { newsletterSignupSchema } from "@/lib/validations/newsletter";
import { tokenLimitedAttempt } from "@/lib/privacy/rate-limit";

/** Anyone may ask; nothing is subscribed until the emailed link is used (double opt-in). */
export const subscribeAction = publicFormAction(newsletterSignupSchema, async ({ email, source, topics }) => {
  const result = await startNewsletterSignup({ email, topics, source, wordingId: signupWording.id, landing: await currentLanding() });
  if (!result.ok) throw new AppError("rate_limited", "We have already sent several confirmation emails for this address or from your connection. Please use the latest one, or try again later.");
  redirect("/newsletter/check-email");
});

/**
 * The footer's form has no client code (it is on every page): a problem sends the person to
 * /newsletter, which says what to fix, instead of showing it in place.
 */
export const subscribeFromFooterAction = publicRedirectingAction(
  newsletterSignupSchema,
  async (input) => redirect(await startPlainFormSignup(input)),
  (fields) => redirect(signupProblemPath(fields)),
);

/** The button on /newsletter/confirm: the second step of the double opt-in. */
export const confirmSubscriptionAction = publicFormAction(z.object({ token: z.string().max(200) }), async ({ token }) => {
  const result = await tokenLimitedAttempt(() => confirmNewsletterSignup(token), (r) => !r.ok && r.reason === "invalid");
  const next = new URLSearchParams({ token });
  if (result.ok && !result.alreadyConfirmed) next.set("welcome", "1");
  redirect(`/newsletter/confirm?${next}`);
});
