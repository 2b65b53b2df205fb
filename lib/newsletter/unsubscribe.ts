import "server-only";
import { getSubscriber, setSubscriberTopics, type ConsentMethod } from "@/db/queries/consent";
import { newsletterTopics } from "@/lib/consent/purposes";
import { markCampaignUnsubscribe } from "@/db/queries/campaign-stats";
import { readSubscriberTokenData } from "./links";

/**
 * Withdraws every newsletter topic for the subscriber the token names. Returns null for a
 * token that is forged, tampered with, or names nobody (then nothing changes).
 */
export async function unsubscribeByToken(token: string, via: { source: string; method: ConsentMethod }) {
  const data = readSubscriberTokenData("unsubscribe", token);
  const subscriber = data ? await getSubscriber(data.subscriberId) : null;
  if (!subscriber) return null;
  const { changed } = await setSubscriberTopics(
    subscriber.id,
    newsletterTopics.map((t) => ({ purpose: t.id, granted: false, wordingId: t.wordingId, source: via.source, method: via.method })),
  );
  // Counted for the campaign whose email carried the link (its "unsubscribes" figure).
  if (changed > 0 && data?.campaignId) await markCampaignUnsubscribe(data.campaignId, subscriber.id);
  return { email: subscriber.email, changed };
}
