import "server-only";
import { getSubscriber, setSubscriberTopics, type ConsentMethod } from "@/db/queries/consent";
import { newsletterTopics } from "@/lib/consent/purposes";
import { readSubscriberToken } from "./links";

/**
 * Withdraws every newsletter topic for the subscriber the token names. Returns null for a
 * token that is forged, tampered with, or names nobody (then nothing changes).
 */
export async function unsubscribeByToken(token: string, via: { source: string; method: ConsentMethod }) {
  const subscriberId = readSubscriberToken("unsubscribe", token);
  const subscriber = subscriberId ? await getSubscriber(subscriberId) : null;
  if (!subscriber) return null;
  const { changed } = await setSubscriberTopics(
    subscriber.id,
    newsletterTopics.map((t) => ({ purpose: t.id, granted: false, wordingId: t.wordingId, source: via.source, method: via.method })),
  );
  return { email: subscriber.email, changed };
}
