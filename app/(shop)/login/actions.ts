"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions";
import { signIn } from "@/lib/auth/config";
import { safeReturnPath } from "@/lib/auth/return-path";
import { AppError } from "@/lib/errors";
import { checkRateLimit, clientKey } from "@/lib/privacy/rate-limit";
import { emailSchema } from "@/lib/validations/address";

const loginSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(500).optional() });

/** Emails a one-time sign-in link. Anyone may ask; the link only works from the inbox. */
export const requestSignInLinkAction = formAction(loginSchema, async ({ email, callbackUrl }) => {
  const limited = await checkRateLimit([
    { bucket: "sign-in:address", key: email, limit: 5, windowMinutes: 60 },
    { bucket: "sign-in:client", key: await clientKey(), limit: 20, windowMinutes: 60, perClient: true },
  ]);
  if (limited) throw new AppError("rate_limited", "We have sent several sign-in links already. Please use the latest one, or try again in an hour.");
  await signIn("email", { email, redirectTo: safeReturnPath(callbackUrl, "/account"), redirect: false });
  redirect("/login/check-email");
});
