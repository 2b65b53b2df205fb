import { siteUrl } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/signed-token";

/*
 * Links in a campaign's body go through the shop (/r/<token>) so the campaign's stats can count
 * clicks per link. The token names the campaign and the destination — and the reader (their
 * recipient row) only while the shop has individual click tracking on (off by default) — and
 * is signed, so /r/ cannot be used to send people to an address the shop never wrote.
 */

const PURPOSE = "campaign-link";

export function trackedLinkUrl(campaignId: string, url: string, recipientId?: number): string {
  return `${siteUrl()}/r/${signToken(PURPOSE, recipientId === undefined ? { c: campaignId, u: url } : { c: campaignId, u: url, r: recipientId })}`;
}

export function readTrackedLink(token: string): { campaignId: string; url: string; recipientId: number | null } | null {
  const data = verifyToken<{ c?: unknown; u?: unknown; r?: unknown }>(PURPOSE, token);
  if (!data || typeof data.c !== "string" || typeof data.u !== "string" || !/^https?:\/\//i.test(data.u)) return null;
  return { campaignId: data.c, url: data.u, recipientId: Number.isSafeInteger(data.r) ? (data.r as number) : null };
}

/** Stands in for the i-th body link until each recipient's own link is filled in. */
export const linkMarker = (i: number) => `https://hearth.invalid/link-5c1e0f-${i}-end`;

const unescapeAttr = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** Where the Markdown body is in a rendered campaign (the element React Email marks data-id="react-email-markdown"). */
function bodyRange(html: string): [number, number] | null {
  const start = html.indexOf('data-id="react-email-markdown"');
  if (start < 0) return null;
  const open = html.lastIndexOf("<div", start);
  // The body's own closing tag: count nested divs from its opening tag.
  let depth = 0;
  const tag = /<\/?div\b[^>]*>/g;
  tag.lastIndex = open;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return [open, m.index + m[0].length];
  }
  return null;
}

const HREF = /href="(https?:\/\/[^"]+)"/gi;

/**
 * Rewrites the http(s) links inside the Markdown body of a rendered campaign; the footer's
 * preference, unsubscribe and privacy links are left alone.
 */
export function trackBodyLinks(html: string, campaignId: string, perRecipient?: { links: string[] }): string {
  const range = bodyRange(html);
  if (!range) return html;
  const body = html.slice(...range).replace(HREF, (_, href: string) => {
    const url = unescapeAttr(href);
    if (!perRecipient) return `href="${trackedLinkUrl(campaignId, url)}"`;
    perRecipient.links.push(url);
    return `href="${linkMarker(perRecipient.links.length - 1)}"`;
  });
  return html.slice(0, range[0]) + body + html.slice(range[1]);
}

/** The http(s) destinations in the body's HTML (to recognise them in the plain-text part). */
export function bodyLinkUrls(html: string): Set<string> {
  const range = bodyRange(html);
  return new Set(range ? [...html.slice(...range).matchAll(HREF)].map((m) => unescapeAttr(m[1]!)) : []);
}

/** The same for the plain-text part, where links appear as [https://…] after their text. */
export function trackTextLinks(text: string, campaignId: string, bodyUrls: Set<string>, perRecipient?: { links: string[] }): string {
  return text.replace(/https?:\/\/[^\s\]]+/g, (url) => {
    if (!bodyUrls.has(url)) return url;
    if (!perRecipient) return trackedLinkUrl(campaignId, url);
    let index = perRecipient.links.indexOf(url);
    if (index < 0) index = perRecipient.links.push(url) - 1;
    return linkMarker(index);
  });
}
