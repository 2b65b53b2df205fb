import "server-only";
import { insertLinkClicks, insertPageViews, saltForDay, type LinkClickRow, type PageViewRow } from "@/db/queries/analytics";
import type { DeviceClass } from "@/db/schema/analytics";
import { clientAddressFrom } from "@/lib/http/client-address";
import { getEnv, siteUrl } from "@/lib/env";
import { asksNotToBeTracked, cleanUtm, countedPath, deviceClassOf, externalReferrerHost, isBotUserAgent, visitorHash } from "./visitor";
import type { Landing } from "@/lib/attribution/landing";

/*
 * Counting off the request's critical path: a request only appends a row to this process's
 * buffer (no await on the database); the buffer is written in one statement every
 * FLUSH_MS, or sooner when it holds FLUSH_ROWS rows. A crash loses at most a second of counts,
 * which is acceptable for statistics and is the price of never slowing a page. If the
 * database is unreachable, rows beyond MAX_ROWS are dropped rather than growing memory.
 */

const FLUSH_MS = 1_000;
const FLUSH_ROWS = 500;
const MAX_ROWS = 20_000;

type Collector = {
  views: PageViewRow[];
  clicks: LinkClickRow[];
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  salt?: { day: string; value: Promise<string> };
  /** After a failed salt read, counting pauses until then (a database outage costs no page a wait). */
  saltRetryAt?: number;
  dropped: number;
};

// On globalThis: proxy.ts and the app's route handlers are separate bundles in one process.
const KEY = Symbol.for("hearth.analyticsCollector");
const collector = ((globalThis as Record<symbol, Collector>)[KEY] ??= { views: [], clicks: [], dropped: 0 });

export function analyticsEnabled(): boolean {
  return getEnv().ANALYTICS === "on";
}

function saltFor(now: Date): Promise<string> {
  const day = now.toISOString().slice(0, 10);
  if (collector.salt?.day !== day) {
    if (collector.saltRetryAt && Date.now() < collector.saltRetryAt) return Promise.reject(new Error("The analytics salt could not be read a moment ago."));
    const value = saltForDay(day);
    collector.salt = { day, value };
    // A failed read is retried after a pause, not by every request meanwhile.
    value.catch(() => {
      if (collector.salt?.value === value) collector.salt = undefined;
      collector.saltRetryAt = Date.now() + 30_000;
    });
  }
  return collector.salt.value;
}

export type Visitor = { hash: string; deviceClass: DeviceClass; country: string | null; referrerHost: string | null };

/**
 * The counted visitor behind a request, or null when it must not be counted: analytics off, a
 * bot, or a browser that sends Sec-GPC or DNT.
 */
export async function countableVisitor(headers: Pick<Headers, "get">, now = new Date()): Promise<Visitor | null> {
  if (!analyticsEnabled() || asksNotToBeTracked(headers)) return null;
  const userAgent = headers.get("user-agent");
  if (isBotUserAgent(userAgent)) return null;
  const env = getEnv();
  const site = new URL(siteUrl()).host;
  const salt = await saltFor(now);
  return {
    hash: visitorHash(salt, site, clientAddressFrom(headers, env.TRUSTED_PROXY_HOPS), userAgent!),
    deviceClass: deviceClassOf(userAgent!),
    country: trustedCountry(headers),
    referrerHost: externalReferrerHost(headers.get("referer"), new URL(siteUrl()).hostname),
  };
}

function trustedCountry(headers: Pick<Headers, "get">): string | null {
  const env = getEnv();
  if (!env.ANALYTICS_COUNTRY_HEADER || env.TRUSTED_PROXY_HOPS === 0) return null;
  const value = headers.get(env.ANALYTICS_COUNTRY_HEADER)?.trim().toUpperCase();
  return value && /^[A-Z]{2}$/.test(value) && value !== "XX" && value !== "T1" ? value : null;
}

/** Counts a view of `path` by `visitor`; `landing` is where the visit came from, if anywhere. */
export function recordPageView(visitor: Visitor, pathname: string, searchParams: URLSearchParams, landing: Landing | null, now = new Date()) {
  const path = countedPath(pathname);
  if (path === null) return;
  push(collector.views, {
    at: now,
    visitorHash: visitor.hash,
    path,
    referrerHost: visitor.referrerHost,
    utmSource: cleanUtm(searchParams.get("utm_source"), { lowerCase: true }),
    utmMedium: cleanUtm(searchParams.get("utm_medium"), { lowerCase: true }),
    utmCampaign: cleanUtm(searchParams.get("utm_campaign")),
    utmContent: cleanUtm(searchParams.get("utm_content")),
    deviceClass: visitor.deviceClass,
    country: visitor.country,
    channel: landing?.channel ?? null,
  });
}

export function recordLinkClick(visitor: Visitor, linkId: number, now = new Date()) {
  push(collector.clicks, { at: now, linkId, visitorHash: visitor.hash, referrerHost: visitor.referrerHost, deviceClass: visitor.deviceClass, country: visitor.country });
}

function push<T>(buffer: T[], row: T) {
  if (collector.views.length + collector.clicks.length >= MAX_ROWS) {
    collector.dropped += 1;
    return;
  }
  buffer.push(row);
  if (collector.views.length + collector.clicks.length >= FLUSH_ROWS) void flushAnalytics();
  else collector.timer ??= setTimeout(() => void flushAnalytics(), FLUSH_MS).unref();
}

/** Writes what the buffer holds now. Exported for tests and for a clean shutdown. */
export async function flushAnalytics(): Promise<void> {
  if (collector.timer) clearTimeout(collector.timer);
  collector.timer = undefined;
  while (collector.flushing) await collector.flushing;
  const views = collector.views.splice(0);
  const clicks = collector.clicks.splice(0);
  if (views.length === 0 && clicks.length === 0) return;
  collector.flushing = (async () => {
    // In statements of FLUSH_ROWS rows (a statement has at most 65,535 parameters), each on its own.
    for (let i = 0; i < views.length; i += FLUSH_ROWS) {
      const chunk = views.slice(i, i + FLUSH_ROWS);
      await insertPageViews(chunk).catch((error: unknown) => console.error(`Analytics: ${chunk.length} page views could not be written.`, error));
    }
    for (let i = 0; i < clicks.length; i += FLUSH_ROWS) {
      const chunk = clicks.slice(i, i + FLUSH_ROWS);
      await insertLinkClicks(chunk).catch((error: unknown) => console.error(`Analytics: ${chunk.length} link clicks could not be written.`, error));
    }
  })().finally(() => {
    collector.flushing = undefined;
  });
  await collector.flushing;
  if (collector.dropped > 0) {
    console.error(`Analytics: ${collector.dropped} counts were dropped while the database could not keep up.`);
    collector.dropped = 0;
  }
}
