"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicFormAction } from "@/lib/actions";
import { sendSignInLinkWithinLimits } from "@/lib/auth/request-link";
import { emailSchema } from "@/lib/validations/address";

const loginSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(500).optional() });

/** Emails a one-time sign-in link. Anyone may ask; the link only works from the inbox. */
export const requestSignInLinkAction = publicFormAction(loginSchema, async ({ email, callbackUrl }) => {
  await sendSignInLinkWithinLimits(email, callbackUrl);
  redirect("/login/check-email");
});
