import { channelName, channelOfHost, cleanUtm } from "@/lib/analytics/visitor";
import { keyedHash, keyedHashMatches } from "@/lib/signed-token";

/*
 * Where a visit came from, carried to the newsletter signup and the order so the Channels page
 * can say what each post brought. It travels in one first-party session cookie holding only the
 * campaign labels (the same for everyone who followed that post) and, when the visitor came
 * through /go/<slug>, the link's id: no identifier, nothing about the person, gone when the
 * browser closes. It is set only when a visit arrives from somewhere (UTM parameters, a tracked
 * link or another site) and never for a visitor whose browser sends Sec-GPC or DNT. The value
 * is signed with AUTH_SECRET, so an edited cookie cannot credit a post or link it did not come
 * from: it is simply no landing.
 */

export const LANDING_COOKIE = "hearth_from";

export type Landing = {
  /** utm_source, or the referring site's channel (instagram, google…). */
  channel: string;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  /** The tracked link followed, when the visit came through /go/<slug>. */
  linkId: number | null;
};

/** The landing a URL and its referring host describe, or null for a direct or internal visit. */
export function landingFrom(searchParams: URLSearchParams, referrerHost: string | null): Landing | null {
  const source = channelName(searchParams.get("utm_source"));
  const channel = source ?? (referrerHost ? channelName(channelOfHost(referrerHost)) : null);
  if (!channel) return null;
  return {
    channel,
    medium: source ? cleanUtm(searchParams.get("utm_medium"), { lowerCase: true }) : "referral",
    campaign: source ? cleanUtm(searchParams.get("utm_campaign")) : null,
    content: source ? cleanUtm(searchParams.get("utm_content")) : null,
    linkId: null,
  };
}

export function encodeLanding(landing: Landing): string {
  const params = new URLSearchParams({ s: landing.channel });
  if (landing.medium) params.set("m", landing.medium);
  if (landing.campaign) params.set("c", landing.campaign);
  if (landing.content) params.set("t", landing.content);
  if (landing.linkId) params.set("l", String(landing.linkId));
  const labels = params.toString();
  return `${labels}&sig=${keyedHash("landing", labels)}`;
}

/** A cookie's value back into a landing; anything malformed or unsigned (it is the visitor's to edit) is no landing. */
export function decodeLanding(value: string | undefined | null): Landing | null {
  if (!value || value.length > 700) return null;
  const at = value.lastIndexOf("&sig=");
  if (at < 0) return null;
  const labels = value.slice(0, at);
  if (!keyedHashMatches("landing", labels, value.slice(at + "&sig=".length))) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(labels);
  } catch {
    return null;
  }
  const channel = channelName(params.get("s"));
  if (!channel) return null;
  const link = params.get("l");
  const linkId = link && /^[1-9]\d{0,8}$/.test(link) ? Number(link) : null;
  return { channel, medium: cleanUtm(params.get("m"), { lowerCase: true }), campaign: cleanUtm(params.get("c")), content: cleanUtm(params.get("t")), linkId };
}

/** The consent ledger's `source` for a signup that came from this landing (see db/schema/privacy.ts). */
export function landingConsentSource(landing: Landing): string {
  return `utm:${landing.channel}`;
}

/** The cookie's attributes: a session cookie (no Max-Age), not readable by scripts. */
export function landingCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}
