import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { auth } from "./config";
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

export async function requireRole(...roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) throw new AppError("forbidden", "Your account cannot do this.");
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

/** For staff pages: the wrong role sees the same 404 as a page that does not exist. */
export async function requireRoleForPage(returnTo: string, ...roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUserForPage(returnTo);
  if (!roles.includes(user.role)) notFound();
  return user;
}
