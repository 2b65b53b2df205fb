"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicRedirectingAction } from "@/lib/actions";
import { signOut } from "@/lib/auth/config";

/** Signing out needs no check: it can only end the caller's own session (if there is one). */
export const signOutAction = publicRedirectingAction(
  z.object({}),
  async () => {
    await signOut({ redirectTo: "/" });
  },
  () => redirect("/"),
);
