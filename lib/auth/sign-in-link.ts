import { safeReturnPath } from "./return-path";

/**
 * The page an emailed sign-in link opens, built from the shop's configured origin. Only the
 * token, the address and a same-site return path are taken from the URL Auth.js made: its
 * origin, and an absolute callbackUrl, are whatever the request that asked for the link said.
 */
export function signInConfirmUrl(authJsUrl: string, origin: string): string {
  const given = new URL(authJsUrl);
  const confirm = new URL("/login/confirm", origin);
  const token = given.searchParams.get("token");
  const email = given.searchParams.get("email");
  if (token) confirm.searchParams.set("token", token);
  if (email) confirm.searchParams.set("email", email);
  const returnTo = returnPathFrom(given.searchParams.get("callbackUrl"), origin);
  if (returnTo) confirm.searchParams.set("callbackUrl", returnTo);
  return confirm.toString();
}

/** A same-site path from an absolute or relative callback URL, or null. */
export function returnPathFrom(callbackUrl: string | null | undefined, origin: string): string | null {
  if (!callbackUrl) return null;
  let path = callbackUrl;
  if (!callbackUrl.startsWith("/")) {
    try {
      const parsed = new URL(callbackUrl);
      if (parsed.origin !== new URL(origin).origin) return null;
      path = `${parsed.pathname}${parsed.search}`;
    } catch {
      return null;
    }
  }
  return safeReturnPath(path, "") || null;
}
