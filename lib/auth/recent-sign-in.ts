import "server-only";
import { getSessionSignedInAt } from "@/db/queries/accounts";
import { AppError } from "@/lib/errors";
import { currentSessionToken, type SessionUser } from "./session";

/**
 * Actions that cannot be undone (erasing an account; later: role changes, data exports by
 * staff) ask for a sign-in within the last few minutes, so that someone at an unlocked
 * computer cannot take them. A fresh emailed link proves the inbox is the owner's.
 */
export const RECENT_SIGN_IN_MINUTES = 10;

export async function signedInRecently(user: SessionUser, now = Date.now()): Promise<boolean> {
  const token = await currentSessionToken();
  const at = token ? await getSessionSignedInAt(user.id, token) : null;
  return at !== null && now - at.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000;
}

export async function requireRecentSignIn(user: SessionUser) {
  if (!(await signedInRecently(user))) {
    throw new AppError("unauthorized", `For your safety, confirm it is you first: use a sign-in link from the last ${RECENT_SIGN_IN_MINUTES} minutes.`);
  }
}
