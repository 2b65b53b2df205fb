import { siteUrl } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/signed-token";

/*
 * Links in marketing emails that work without signing in. Each names one subscriber and is
 * signed with AUTH_SECRET, so they cannot be guessed or enumerated; a preferences link cannot
 * be turned into an unsubscribe link or the other way round.
 */

type Kind = "preferences" | "unsubscribe";

/** A campaign's unsubscribe links also name the campaign, so its stats can count unsubscribes. */
export function subscriberToken(kind: Kind, subscriberId: string, campaignId?: string): string {
  return signToken(`subscriber-${kind}`, campaignId ? { s: subscriberId, c: campaignId } : { s: subscriberId });
}

export function readSubscriberToken(kind: Kind, token: string): string | null {
  return readSubscriberTokenData(kind, token)?.subscriberId ?? null;
}

export function readSubscriberTokenData(kind: Kind, token: string): { subscriberId: string; campaignId: string | null } | null {
  const data = verifyToken<{ s?: unknown; c?: unknown }>(`subscriber-${kind}`, token);
  if (!data || typeof data.s !== "string") return null;
  return { subscriberId: data.s, campaignId: typeof data.c === "string" ? data.c : null };
}

export function preferencesUrl(subscriberId: string): string {
  return `${siteUrl()}/preferences/${subscriberToken("preferences", subscriberId)}`;
}

export function unsubscribeUrl(subscriberId: string, campaignId?: string): string {
  return `${siteUrl()}/unsubscribe/${subscriberToken("unsubscribe", subscriberId, campaignId)}`;
}

/**
 * The headers every non-transactional email carries (RFC 2369 and RFC 8058): mail apps show
 * their own "Unsubscribe" button, which POSTs `List-Unsubscribe=One-Click` to the URL.
 */
export function listUnsubscribeHeaders(subscriberId: string, campaignId?: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(subscriberId, campaignId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
