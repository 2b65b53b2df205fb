import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../env";

/**
 * Guests reach their order page through a link in the confirmation email:
 * /orders/<id>?token=<HMAC of the id>. Without the token (or with a wrong one) the order is a
 * 404, exactly like an order that does not exist, so ids cannot be probed.
 */
function sign(orderId: string): Buffer {
  return createHmac("sha256", authSecret()).update(`order-link:${orderId}`).digest();
}

export function orderToken(orderId: string): string {
  return sign(orderId).toString("base64url");
}

export function verifyOrderToken(orderId: string, token: string | null | undefined): boolean {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const given = Buffer.from(token, "base64url");
  const expected = sign(orderId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function orderPath(orderId: string): string {
  return `/orders/${orderId}?token=${orderToken(orderId)}`;
}
