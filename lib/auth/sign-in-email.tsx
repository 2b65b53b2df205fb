import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sendEmail } from "@/lib/email/send";
import { siteUrl } from "@/lib/env";
import { SignInLinkEmail } from "@/lib/email/templates/sign-in-link";
import { StaffInvitationEmail } from "@/lib/email/templates/staff-invitation";
import { shopConfig } from "@/lib/shop-config";
import { signInConfirmUrl } from "./sign-in-link";

/** Who invited whom, and to what role: turns the next sign-in link to that address into an invitation. */
export type StaffInvitation = { email: string; invitedBy: string; role: string; roleDescription: string; shopName: string };

const invitation = new AsyncLocalStorage<StaffInvitation>();

/**
 * Sends a sign-in link through the usual path (sendSignInLinkWithinLimits: Auth.js's token, its
 * limits) worded as an invitation. Auth.js calls sendSignInLink in this same async context, so
 * the invitation travels with the request instead of through a second token scheme.
 */
export function asStaffInvitation<T>(details: StaffInvitation, send: () => Promise<T>): Promise<T> {
  return invitation.run(details, send);
}

/**
 * Sends Auth.js's magic link through the shop's email module (so it is recorded, and honours
 * RESEND_BASE_URL). The emailed link opens a page with a button instead of signing in on GET:
 * mail scanners fetch links, and would otherwise use up the one-time token.
 */
export async function sendSignInLink(email: string, authJsUrl: string, expires: Date) {
  const confirm = signInConfirmUrl(authJsUrl, siteUrl());
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const invited = invitation.getStore();
  if (invited && invited.email === email) {
    await sendEmail({
      to: email,
      subject: `${invited.invitedBy} invited you to ${invited.shopName}'s team`,
      template: "staff-invitation",
      reason: `${invited.invitedBy} added you to the shop's team as ${invited.role}.`,
      category: "transactional",
      react: <StaffInvitationEmail url={confirm} siteUrl={siteUrl()} minutes={minutes} {...invited} />,
    });
    return;
  }
  await sendEmail({
    to: email,
    subject: `Your sign-in link for ${shopConfig.name}`,
    template: "sign-in-link",
    reason: "You asked for a sign-in link.",
    category: "transactional",
    react: <SignInLinkEmail url={confirm} siteUrl={siteUrl()} minutes={minutes} />,
  });
}
