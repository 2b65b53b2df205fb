"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { revokeOtherSessions, revokeSession } from "@/db/queries/accounts";
import { recordConsentChange, setTopicForUser } from "@/db/queries/consent";
import { userFormAction } from "@/lib/actions";
import { requireRecentSignIn } from "@/lib/auth/recent-sign-in";
import { sendSignInLinkWithinLimits } from "@/lib/auth/request-link";
import { currentSessionToken, SESSION_COOKIE_NAMES } from "@/lib/auth/session";
import { CART_COOKIE, CART_COUNT_COOKIE } from "@/lib/cart/session";
import { consentPurposes, findPurpose, isNewsletterTopic } from "@/lib/consent/purposes";
import { AppError } from "@/lib/errors";
import { erasePerson } from "@/lib/privacy/erasure";
import { clientKey } from "@/lib/privacy/rate-limit";
import { keyedHash } from "@/lib/signed-token";

const consentSchema = z.object({
  purpose: z.enum(consentPurposes.map((p) => p.id) as [string, ...string[]], { error: "That choice does not exist." }),
  granted: z.enum(["on", "off"], { error: "Choose on or off." }).transform((v) => v === "on"),
});

/**
 * One switch, one click, each way: turning a consent off takes exactly as much as turning it
 * on. The form sends the wanted state (not "toggle"), so a double click cannot flip it back.
 */
export const setConsentAction = userFormAction(consentSchema, async ({ purpose, granted }, user) => {
  const definition = findPurpose(purpose)!;
  const change = { purpose, granted, wordingId: definition.wordingId, source: "privacy-centre", method: "privacy_centre" as const, clientHash: keyedHash("client", await clientKey()) };
  const result = isNewsletterTopic(purpose) ? await setTopicForUser(user.id, user.email, change) : await recordConsentChange({ userId: user.id }, change);
  revalidatePath("/account/privacy");
  return { purpose, granted, changed: result.changed };
});

const sessionKeySchema = z.object({ session: z.string().regex(/^[0-9a-f]{24}$/, "That session was not found.") });

export const revokeSessionAction = userFormAction(sessionKeySchema, async ({ session }, user) => {
  // The key is matched together with the caller's user id: another person's session is "not found".
  if (!(await revokeSession(user.id, session))) throw new AppError("not_found", "That session has already ended.");
  revalidatePath("/account/privacy");
  return { revoked: 1 };
});

export const revokeOtherSessionsAction = userFormAction(z.object({}), async (_input, user) => {
  const token = await currentSessionToken();
  if (!token) throw new AppError("unauthorized", "Please sign in again.");
  const revoked = await revokeOtherSessions(user.id, token);
  revalidatePath("/account/privacy");
  return { revoked };
});

const deleteSchema = z.object({ confirm: z.literal("delete", { error: "Tick the box to confirm you want your account deleted." }) });

/** Said when a team member tries to delete their account; also shown on the page. */
const ON_THE_TEAM = "You are on the shop's team. Ask an admin to remove you from the team first (so the shop is never left without an admin, and the change is on record); then you can delete your account here.";

export const deleteAccountAction = userFormAction(deleteSchema, async (_input, user) => {
  // Staff leave through /admin/staff, where the last-admin rule and the audit log apply.
  if (user.role !== "customer") throw new AppError("forbidden", ON_THE_TEAM);
  await requireRecentSignIn(user);
  const result = await erasePerson(user.id, user.email);
  if (!result) throw new AppError("not_found", "This account no longer exists.");
  const jar = await cookies();
  for (const name of [...SESSION_COOKIE_NAMES, CART_COOKIE, CART_COUNT_COOKIE]) jar.delete(name);
  redirect("/account-deleted");
});

/**
 * Steps that ask for a recent sign-in: deleting one's own account, an admin changing roles or
 * removing staff, and a staff member exporting customer data (one customer's, or the CSV files)
 * or erasing a customer's data (each admin page
 * checks the permission again when they return).
 */
const freshSignInReturn = z.union([z.literal("/account/privacy/delete"), z.literal("/admin/staff"), z.literal("/admin/exports"), z.literal("/admin/marketing/subscribers"), z.string().regex(/^\/admin\/customers\/[A-Za-z0-9-]{1,64}$/)], { error: "That page cannot be returned to." });

/** "Confirm it's you": a fresh sign-in link to the account's own address, back to this step. */
export const requestFreshSignInAction = userFormAction(z.object({ returnTo: freshSignInReturn }), async ({ returnTo }, user) => {
  await sendSignInLinkWithinLimits(user.email, returnTo);
  return { sentTo: user.email };
});
