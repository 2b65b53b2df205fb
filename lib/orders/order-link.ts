import { keyedHash, keyedHashMatches } from "../signed-token";

/**
 * Guests reach their order page through a link in the confirmation email:
 * /orders/<id>?token=<keyed hash of the id>. Without the token (or with a wrong one) the order
 * is a 404, exactly like an order that does not exist, so ids cannot be probed.
 */
const PURPOSE = "order-link";

export function orderToken(orderId: string): string {
  return keyedHash(PURPOSE, orderId);
}

export function verifyOrderToken(orderId: string, token: string | null | undefined): boolean {
  return keyedHashMatches(PURPOSE, orderId, token);
}

export function orderPath(orderId: string): string {
  return `/orders/${orderId}?token=${orderToken(orderId)}`;
}
