import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./env";

/*
 * The one place the shop signs and hashes with AUTH_SECRET. Every MAC is over `<purpose>\n<value>`,
 * so a signature made for one use (an order link) is refused by every other (preferences,
 * unsubscribe, email change) and a hash kept for one reason cannot be matched for another.
 */

function mac(purpose: string, value: string): Buffer {
  return createHmac("sha256", authSecret()).update(`${purpose}\n${value}`).digest();
}

/** Compares two secrets (or digests) in constant time; hashing first makes the lengths equal. */
export function secretsMatch(given: string | Buffer, expected: string | Buffer): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Stateless signed tokens for links in emails: `<payload>.<MAC>`, both base64url. Payloads are
 * not secret, only unforgeable.
 */
export function signToken(purpose: string, data: unknown): string {
  const payload = Buffer.from(JSON.stringify(data)).toString("base64url");
  return `${payload}.${mac(purpose, payload).toString("base64url")}`;
}

/** The signed data, or null for anything malformed, forged, or made for another purpose. */
export function verifyToken<T = unknown>(purpose: string, token: string | null | undefined): T | null {
  if (!token || token.length > 2048 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [payload, signature] = token.split(".") as [string, string];
  // Compared as text: base64url's last character has spare bits, and only the one spelling the
  // shop wrote is accepted.
  if (!secretsMatch(signature, mac(purpose, payload).toString("base64url"))) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}

/**
 * A keyed hash for values we must recognise but must not keep (email addresses on the
 * suppression list, client addresses for rate limits), or sign without a payload (an order
 * id in its link). Without the secret the hash reveals nothing.
 */
export function keyedHash(purpose: string, value: string): string {
  return mac(purpose, value).toString("base64url");
}

/** Whether `given` is the keyed hash of `value` for `purpose` (constant time). */
export function keyedHashMatches(purpose: string, value: string, given: string | null | undefined): boolean {
  if (!given || !/^[A-Za-z0-9_-]{43}$/.test(given)) return false;
  return secretsMatch(given, keyedHash(purpose, value));
}
