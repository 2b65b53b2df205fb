import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./env";

/*
 * Stateless signed tokens for links in emails: `<payload>.<HMAC>`, both base64url. The
 * purpose is part of what is signed, so a token made for one use (preferences) is refused by
 * another (unsubscribe). Payloads are not secret, only unforgeable.
 */

function mac(purpose: string, payload: string): Buffer {
  return createHmac("sha256", authSecret()).update(`${purpose}\n${payload}`).digest();
}

export function signToken(purpose: string, data: unknown): string {
  const payload = Buffer.from(JSON.stringify(data)).toString("base64url");
  return `${payload}.${mac(purpose, payload).toString("base64url")}`;
}

/** The signed data, or null for anything malformed, forged, or made for another purpose. */
export function verifyToken<T = unknown>(purpose: string, token: string | null | undefined): T | null {
  if (!token || token.length > 2048 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [payload, signature] = token.split(".") as [string, string];
  const given = Buffer.from(signature, "base64url");
  const expected = mac(purpose, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}

/**
 * A keyed hash for values we must recognise but must not keep: email addresses on the
 * suppression list, client IPs for rate limits. Without the secret the hash reveals nothing.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", authSecret()).update(`${purpose}\n${value}`).digest("base64url");
}
