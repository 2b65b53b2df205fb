import "server-only";
import { eraseAccount } from "@/db/queries/privacy";
import { keyedHash } from "@/lib/signed-token";
import { personalRateLimitKeys, rateLimitKeyHash } from "./rate-limit";

/** How an address appears on the suppression list: a keyed hash, never the address. */
export function suppressionHash(email: string): string {
  return keyedHash("suppression", email.trim().toLowerCase());
}

export async function erasePerson(userId: string, email: string) {
  return eraseAccount(userId, {
    suppression: suppressionHash(email),
    rateLimitKeys: personalRateLimitKeys.map(({ bucket, keyOf }) => rateLimitKeyHash(bucket, keyOf({ userId, email }))),
  });
}
