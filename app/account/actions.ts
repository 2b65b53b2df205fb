"use server";

import { signOut } from "@/lib/auth/config";

/** Signing out needs no check: it can only end the caller's own session. */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
