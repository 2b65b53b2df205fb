import "server-only";
import { eraseAccount } from "@/db/queries/privacy";
import { keyedHash } from "@/lib/signed-token";

/** How an address appears on the suppression list: a keyed hash, never the address. */
export function suppressionHash(email: string): string {
  return keyedHash("suppression", email.trim().toLowerCase());
}

/** Rate-limit buckets keyed by something that identifies the person (see their callers). */
const addressBuckets = ["newsletter:address", "sign-in:address"];

export async function erasePerson(userId: string, email: string) {
  return eraseAccount(userId, {
    suppression: suppressionHash(email),
    rateLimitKeys: [...addressBuckets.map((bucket) => keyedHash(`rate-limit:${bucket}`, email.toLowerCase())), keyedHash("rate-limit:email-change", userId.toLowerCase())],
  });
}
