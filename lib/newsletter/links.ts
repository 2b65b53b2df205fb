import { siteUrl } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/signed-token";

/*
 * Links in marketing emails that work without signing in. Each names one subscriber and is
 * signed with AUTH_SECRET, so they cannot be guessed or enumerated; a preferences link cannot
 * be turned into an unsubscribe link or the other way round.
 */

type Kind = "preferences" | "unsubscribe";

export function subscriberToken(kind: Kind, subscriberId: string): string {
  return signToken(`subscriber-${kind}`, { s: subscriberId });
}

export function readSubscriberToken(kind: Kind, token: string): string | null {
  const data = verifyToken<{ s?: unknown }>(`subscriber-${kind}`, token);
  return data && typeof data.s === "string" ? data.s : null;
}

export function preferencesUrl(subscriberId: string): string {
  return `${siteUrl()}/preferences/${subscriberToken("preferences", subscriberId)}`;
}

export function unsubscribeUrl(subscriberId: string): string {
  return `${siteUrl()}/unsubscribe/${subscriberToken("unsubscribe", subscriberId)}`;
}

/**
 * The headers every non-transactional email carries (RFC 2369 and RFC 8058): mail apps show
 * their own "Unsubscribe" button, which POSTs `List-Unsubscribe=One-Click` to the URL.
 */
export function listUnsubscribeHeaders(subscriberId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(subscriberId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
