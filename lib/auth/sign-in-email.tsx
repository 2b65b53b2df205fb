import "server-only";
import { sendEmail } from "@/lib/email/send";
import { siteUrl } from "@/lib/env";
import { SignInLinkEmail } from "@/lib/email/templates/sign-in-link";
import { shopConfig } from "@/lib/shop-config";
import { signInConfirmUrl } from "./sign-in-link";

/**
 * Sends Auth.js's magic link through the shop's email module (so it is recorded, and honours
 * RESEND_BASE_URL). The emailed link opens a page with a button instead of signing in on GET:
 * mail scanners fetch links, and would otherwise use up the one-time token.
 */
export async function sendSignInLink(email: string, authJsUrl: string, expires: Date) {
  const confirm = signInConfirmUrl(authJsUrl, siteUrl());
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  await sendEmail({
    to: email,
    subject: `Your sign-in link for ${shopConfig.name}`,
    template: "sign-in-link",
    reason: "You asked for a sign-in link.",
    category: "transactional",
    react: <SignInLinkEmail url={confirm} siteUrl={siteUrl()} minutes={minutes} />,
  });
}
