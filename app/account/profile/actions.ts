"use server";

import { createElement } from "react";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { changeUserEmail, getUserByEmail, updateUserName } from "@/db/queries/accounts";
import { userFormAction } from "@/lib/actions";
import { emailChangeToken, EMAIL_CHANGE_HOURS, readEmailChangeToken } from "@/lib/auth/email-change";
import { sendEmail } from "@/lib/email/send";
import { EmailChangeEmail } from "@/lib/email/templates/email-change";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { abuseLimits } from "@/lib/privacy/abuse-limits";
import { checkRateLimit, rateLimitBuckets, tokenCheckOrThrow } from "@/lib/privacy/rate-limit";
import { shopConfig } from "@/lib/shop-config";
import { emailSchema, requiredText } from "@/lib/validations/address";

export const updateNameAction = userFormAction(z.object({ name: requiredText("name", 120) }), async ({ name }, user) => {
  await updateUserName(user.id, name);
  revalidatePath("/account", "layout");
  return { name };
});

/**
 * Asks the new address to confirm. Nothing changes until the link in that email is used, so
 * a typo (or someone at an unlocked computer) cannot take the account to an address the
 * owner does not control.
 */
export const requestEmailChangeAction = userFormAction(z.object({ email: emailSchema }), async ({ email }, user) => {
  if (email === user.email) throw new AppError("invalid", "That is already your address.", { email: ["That is already your address."] });
  if (await checkRateLimit([{ bucket: rateLimitBuckets.emailChange, key: user.id, ...abuseLimits.emailChangePerAccount }])) {
    throw new AppError("rate_limited", "You have asked for several confirmation emails today. Please use the latest one, or try again tomorrow.");
  }
  // The answer must not tell whether the address belongs to another account, neither in its
  // words nor in how long it takes: the lookup and the email happen after the response is
  // sent. (The change itself is refused at confirmation if the address is taken by then.)
  const token = emailChangeToken(user.id, user.email, email);
  after(() => sendEmailChangeConfirmation(email, token));
  return { sentTo: email };
});

async function sendEmailChangeConfirmation(email: string, token: string) {
  try {
    if (await getUserByEmail(email)) return;
    const url = `${siteUrl()}/account/profile/confirm-email?token=${token}`;
    await sendEmail({
      to: email,
      subject: `Confirm your new email address for ${shopConfig.name}`,
      template: "email-change",
      reason: "You asked to use this address for your account.",
      category: "transactional",
      react: createElement(EmailChangeEmail, { url, siteUrl: siteUrl(), hours: EMAIL_CHANGE_HOURS }),
    });
  } catch (error) {
    // Recorded as failed by the email module; the person can ask again from their profile.
    console.error("Email change confirmation failed", error instanceof Error ? error.message : error);
  }
}

export const confirmEmailChangeAction = userFormAction(z.object({ token: z.string().max(2048) }), async ({ token }, user) => {
  const change = readEmailChangeToken(token);
  const valid = await tokenCheckOrThrow(change !== null && change.userId === user.id);
  if (!valid || !change) throw new AppError("invalid", "This confirmation link is not valid for the account you are signed in to.");
  if (change.expired) throw new AppError("invalid", "This confirmation link has expired. Ask for a new one from your profile.");
  const result = await changeUserEmail(user.id, change.from, change.to);
  if (result === "taken") throw new AppError("conflict", "Another account already uses that address.");
  if (result === "stale") throw new AppError("conflict", "This link has already been used, or your address changed since it was sent.");
  revalidatePath("/account", "layout");
  redirect("/account/profile?changed=email");
});
