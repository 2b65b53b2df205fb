import { createHash } from "node:crypto";
import { isbot } from "isbot";
import type { DeviceClass } from "@/db/schema/analytics";

/*
 * The facts a counted visit is made of, derived from one request without cookies. Pure
 * functions (no database, no clock): the collector (./collector.ts) and the tracked-link
 * redirect call them, and they are unit-tested one by one.
 */

/**
 * A visitor for one day: a hash of that day's random salt, the site, the client's address and
 * its user agent. The same browser gets a new, unrelated hash the next day (new salt), and
 * once the salt is deleted (after 48 hours) nobody can recompute a hash from an address.
 */
export function visitorHash(salt: string, site: string, clientAddress: string, userAgent: string): string {
  return createHash("sha256").update(`${salt}\u0000${site}\u0000${clientAddress}\u0000${userAgent}`).digest("base64url").slice(0, 22);
}

/** Sec-GPC: 1 (Global Privacy Control) or DNT: 1: the visitor asked not to be tracked, so nothing is counted. */
export function asksNotToBeTracked(headers: Pick<Headers, "get">): boolean {
  return headers.get("sec-gpc")?.trim() === "1" || headers.get("dnt")?.trim() === "1";
}

/** Crawlers, link previewers and monitoring tools (isbot's maintained list), and clients that send no user agent. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return !userAgent || userAgent.length > 1000 || isbot(userAgent);
}

export function deviceClassOf(userAgent: string): DeviceClass {
  if (/iPad|Tablet|PlayBook|Silk|Kindle/i.test(userAgent) || (/Android/i.test(userAgent) && !/Mobile/i.test(userAgent))) return "tablet";
  if (/Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini/i.test(userAgent)) return "phone";
  return "desktop";
}

/** The referring site's host when it is another site (lower case, without www.), else null. */
export function externalReferrerHost(referer: string | null | undefined, ownHost: string): string | null {
  if (!referer) return null;
  let host: string;
  try {
    const url = new URL(referer);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    host = url.hostname.toLowerCase();
  } catch {
    return null;
  }
  const bare = host.replace(/^www\./, "");
  if (!bare || host === ownHost.toLowerCase() || bare === ownHost.toLowerCase().replace(/^www\./, "")) return null;
  return bare.slice(0, 253);
}

/**
 * Social and search sites reach the shop through several hosts (l.instagram.com, t.co,
 * lm.facebook.com…): each is reported as one channel, named like the utm_source a marketer
 * would write, so "instagram" from a tagged link and from a bio link add up.
 */
const CHANNELS: [RegExp, string][] = [
  // Webmail first (mail.google.com is not a Google search): sign-in, order and newsletter links.
  [/^(mail\.google\.com|outlook\.(live|office|office365)\.com|mail\.yahoo\.com|mail\.proton\.me|app\.fastmail\.com|mail\.aol\.com|webmail\..+)$/, "email"],
  [/(^|\.)instagram\.com$/, "instagram"],
  [/(^|\.)(facebook\.com|fb\.com|fb\.me|messenger\.com)$/, "facebook"],
  [/(^|\.)(threads\.net|threads\.com)$/, "threads"],
  [/(^|\.)(tiktok\.com)$/, "tiktok"],
  [/(^|\.)(youtube\.com|youtu\.be)$/, "youtube"],
  [/(^|\.)(pinterest\.[a-z.]+|pin\.it)$/, "pinterest"],
  [/(^|\.)(twitter\.com|x\.com|t\.co)$/, "x"],
  [/(^|\.)(linkedin\.com|lnkd\.in)$/, "linkedin"],
  [/(^|\.)reddit\.com$/, "reddit"],
  [/(^|\.)(bsky\.app)$/, "bluesky"],
  [/(^|\.)(whatsapp\.com|wa\.me)$/, "whatsapp"],
  [/(^|\.)(telegram\.org|t\.me)$/, "telegram"],
  [/(^|\.)line\.me$/, "line"],
  [/(^|\.)zalo\.me$/, "zalo"],
  [/(^|\.)google\.[a-z.]+$/, "google"],
  [/(^|\.)bing\.com$/, "bing"],
  [/(^|\.)duckduckgo\.com$/, "duckduckgo"],
  [/(^|\.)(ecosia\.org)$/, "ecosia"],
];

export function channelOfHost(host: string): string {
  for (const [pattern, channel] of CHANNELS) if (pattern.test(host)) return channel;
  return host;
}

/**
 * A channel name as it is stored and grouped everywhere (visits, orders, the consent ledger's
 * utm:<channel>): lower case, letters and digits of any script, with . _ - and nothing else
 * (other runs become "-"), at most 60 characters.
 */
export function channelName(value: string | null | undefined): string | null {
  const cleaned = cleanUtm(value, { lowerCase: true });
  if (!cleaned) return null;
  const name = cleaned.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return name || null;
}

/** A UTM value as it is stored and grouped: trimmed, lower case for the source, printable, at most 100 characters. */
export function cleanUtm(value: string | null | undefined, { lowerCase = false } = {}): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100);
  if (!cleaned) return null;
  return lowerCase ? cleaned.toLowerCase() : cleaned;
}

/** Sections that are never counted: staff pages, machine endpoints, redirects counted on their own. */
const UNCOUNTED_SECTIONS = new Set(["admin", "api", "_next", "uploads", "go", "r", "dev", "home", "_no-such-page"]);
/** Sections whose further path holds a secret (a token or an order id) or a search: only the section is kept. */
const SECRET_SECTIONS = new Set(["unsubscribe", "preferences", "orders", "search"]);
/** A path segment that names one record (a uuid, a long number or token): the path is cut before it. */
const RECORD_SEGMENT = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{3,}|H-\d+|(?=[^/]*[A-Z])(?=[^/]*\d)[A-Za-z0-9_.-]{20,})$/;

/**
 * The path a view is counted under, or null when the page is not counted. Never the query
 * string (it may hold a token), never a token in the path, at most 300 characters.
 */
export function countedPath(pathname: string): string | null {
  if (!pathname.startsWith("/")) return null;
  const path = pathname.split("?")[0]!;
  const section = path.split("/")[1] ?? "";
  if (UNCOUNTED_SECTIONS.has(section)) return null;
  if (SECRET_SECTIONS.has(section)) return `/${section}`;
  if (/\.[a-z0-9]{2,5}$/i.test(path)) return null;
  const segments = path.split("/");
  const record = segments.findIndex((segment, i) => i > 0 && RECORD_SEGMENT.test(segment));
  return (record === -1 ? path : segments.slice(0, record).join("/") || "/").slice(0, 300);
}

/**
 * A browser loading a page as a document: not a prefetch, not the client router's data fetch
 * (soft navigations are counted by the page-view beacon instead).
 */
export function isDocumentRequest(headers: Pick<Headers, "get">): boolean {
  const dest = headers.get("sec-fetch-dest");
  if (dest !== null && dest !== "document") return false;
  if (headers.get("rsc") !== null || headers.get("next-router-prefetch") !== null) return false;
  const purpose = headers.get("sec-purpose") ?? headers.get("purpose");
  return !(purpose && /prefetch|prerender/i.test(purpose));
}
