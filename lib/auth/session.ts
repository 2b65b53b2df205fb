import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { auth } from "./config";
import { can, type Permission } from "./permissions";
import { SESSION_COOKIE_NAMES } from "./constants";

export type SessionUser = { id: string; email: string; name: string | null; role: UserRole };

/** The signed-in person for this request, read from the database session (once per request). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name ?? null, role: session.user.role };
});

/** For pages: the person, or a trip to the sign-in page that comes back here afterwards. */
export async function requireUserForPage(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For actions and route handlers: every one checks for itself, whatever page it sits on. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Please sign in again: your session has ended.");
  return user;
}

export { SESSION_COOKIE_NAMES };

/** The raw session token of this browser, to tell "this device" apart in the session list. */
export async function currentSessionToken(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return null;
}

/**
 * For admin actions and route handlers: the signed-in staff member, if their role has the
 * permission (lib/auth/permissions.ts). A shopper and a role without it are both refused.
 */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) throw new AppError("forbidden", "Your role cannot do this. Ask the shop's admin if you need it.");
  return user;
}

/** For admin pages: call it before reading any data. The wrong role sees the shop's 404. */
export async function requirePermissionForPage(returnTo: string, permission: Permission): Promise<SessionUser> {
  const user = await requireUserForPage(returnTo);
  if (!can(user.role, permission)) notFound();
  return user;
}
