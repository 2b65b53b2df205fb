import { countableVisitor, recordPageView } from "@/lib/analytics/collector";
import { countedPath } from "@/lib/analytics/visitor";
import { getEnv } from "@/lib/env";
import { clientAddressFrom } from "@/lib/http/client-address";

/**
 * At most this many beacons per client address a minute. Deliberately kept in this process's
 * memory, the one abuse limit that is (every other one is counted in PostgreSQL, shared by all
 * instances: lib/privacy/abuse-limits.ts): what it protects is this process's own counting
 * buffer (lib/analytics/collector.ts, MAX_ROWS), which a script must not fill to push real
 * visits out, so its scope is the buffer's. The beacon is the shop's most frequent request and
 * the buffer exists so that a view costs no database round trip; a shared counter would add
 * one to every navigation. Across N instances a script gains at most N times the allowance,
 * and all it can change is an anonymous visit count: no email, order or consent.
 */
const BEACONS_PER_MINUTE = 60;
const recent = new Map<string, { count: number; until: number }>();

function overLimit(headers: Headers): boolean {
  const now = Date.now();
  if (recent.size > 10_000) for (const [key, entry] of recent) if (entry.until <= now) recent.delete(key);
  const key = clientAddressFrom(headers, getEnv().TRUSTED_PROXY_HOPS);
  const entry = recent.get(key);
  if (!entry || entry.until <= now) {
    recent.set(key, { count: 1, until: now + 60_000 });
    return false;
  }
  entry.count += 1;
  // Raised with the other per-client limits where many people share one address.
  return entry.count > BEACONS_PER_MINUTE * getEnv().CLIENT_RATE_LIMIT_FACTOR;
}

/**
 * The page-view beacon's endpoint (components/analytics/page-view-beacon.tsx): a path from the
 * shop's own pages after an in-app navigation. Answers 204 whether or not the view was
 * counted (a bot, Sec-GPC or DNT), so the answer tells a client nothing.
 */
export async function POST(request: Request) {
  if (request.headers.get("sec-fetch-site") !== null && request.headers.get("sec-fetch-site") !== "same-origin") {
    return Response.json({ error: { code: "forbidden", message: "Page views come from the shop's own pages." } }, { status: 403 });
  }
  if (overLimit(request.headers)) return new Response(null, { status: 429, headers: { "Retry-After": "60" } });
  const body = (await request.text()).slice(0, 1000);
  const path = countedPath(body.trim());
  if (body.length >= 1000 || !body.startsWith("/")) return Response.json({ error: { code: "invalid", message: "Send the page's path." } }, { status: 400 });
  if (path !== null) {
    const visitor = await countableVisitor(request.headers);
    if (visitor) recordPageView(visitor, path, new URLSearchParams(), null);
  }
  return new Response(null, { status: 204 });
}
