import "server-only";
import type { Tx } from "@/db";
import { eraseAccount } from "@/db/queries/privacy";
import { keyedHash } from "@/lib/signed-token";
import { personalRateLimitKeys, rateLimitKeyHash } from "./rate-limit";

/** How an address appears on the suppression list: a keyed hash, never the address. */
export function suppressionHash(email: string): string {
  return keyedHash("suppression", email.trim().toLowerCase());
}

/**
 * The one erasure: the shopper deleting their account in the privacy centre and a staff
 * member erasing it on request (app/admin/customers, inside their audited transaction) both
 * come here.
 */
export async function erasePerson(userId: string, email: string, within?: Tx) {
  return eraseAccount(
    userId,
    {
      suppression: suppressionHash(email),
      rateLimitKeys: personalRateLimitKeys.map(({ bucket, keyOf }) => rateLimitKeyHash(bucket, keyOf({ userId, email }))),
    },
    within,
  );
}
