import { signToken, verifyToken } from "@/lib/signed-token";

export const EMAIL_CHANGE_HOURS = 24;

type Payload = { u: string; f: string; t: string; e: number };

/**
 * The token names the account, the address it is moving from and to, and an expiry. It needs
 * no table: once used, the account's address is no longer `from`, so it cannot be replayed.
 */
export function emailChangeToken(userId: string, from: string, to: string, now = Date.now()): string {
  return signToken("email-change", { u: userId, f: from, t: to, e: now + EMAIL_CHANGE_HOURS * 3_600_000 } satisfies Payload);
}

export function readEmailChangeToken(token: string, now = Date.now()) {
  const data = verifyToken<Payload>("email-change", token);
  if (!data || typeof data.u !== "string" || typeof data.f !== "string" || typeof data.t !== "string" || typeof data.e !== "number") return null;
  return { userId: data.u, from: data.f, to: data.t, expired: data.e < now };
}
