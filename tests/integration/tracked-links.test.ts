import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * Tracked short links against a real PostgreSQL: the marketer's actions (permission, form
 * rules, a taken slug, also under a race, the audit entry) and the /go/<slug> handler with the
 * click rules: a repeat by the same visitor within the hour counts once, after the hour again,
 * different links separately, and bots and Sec-GPC/DNT not at all. Only the session is replaced.
 */
const caller = vi.hoisted(() => ({ role: "marketer" as string, id: "" }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  const user = () => ({ id: caller.id, email: "links-it@example.com", name: "Mia", role: caller.role });
  return {
    requireUser: async () => user(),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return user();
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const redirects = vi.hoisted(() => [] as string[]);
vi.mock("next/navigation", () => ({ redirect: (to: string) => void redirects.push(to) }));

process.env.SITE_URL = "https://shop.example";
const actions = await import("@/app/admin/marketing/links/actions");
const goRoute = await import("@/app/go/[slug]/route");
const { flushAnalytics, recordLinkClick } = await import("@/lib/analytics/collector");
const { setPeerAddressHeaderName } = await import("@/lib/http/client-address");
const { getTrackedLink } = await import("@/db/queries/tracked-links");
const { forgetTrackedLinkIndex } = await import("@/lib/links/link-index");

const sql = testSql();
const tag = randomUUID().slice(0, 8);
const PEER = "x-it-peer";
const BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

beforeAll(async () => {
  setPeerAddressHeaderName(PEER);
  const [user] = await sql`insert into users (id, email, name, role) values (${randomUUID()}, ${`links-${tag}@example.com`}, 'Mia', 'marketer') returning id`;
  caller.id = user!.id as string;
});
afterAll(async () => {
  await sql`delete from tracked_links where slug like ${`%${tag}%`}`;
  await sql`delete from users where id = ${caller.id}`;
  await sql.end();
});
beforeEach(() => {
  caller.role = "marketer";
  redirects.length = 0;
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const linkFields = (slug: string, extra: Record<string, string> = {}) => ({
  destination: "/products/smoked-oak-candle",
  destinationPath: "",
  utmSource: "instagram",
  utmMedium: "social",
  utmCampaign: `reel-${tag}`,
  utmContent: "",
  label: `Reel ${tag}`,
  slug,
  ...extra,
});

async function createLink(slug: string, extra: Record<string, string> = {}) {
  const result = await actions.createTrackedLinkAction(null, form(linkFields(slug, extra)));
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: { id: number } }).data.id;
}

/** A visit to /go/<slug> from one browser (address and user agent make the visitor). */
async function follow(slug: string, { address = "203.0.113.7", userAgent = BROWSER, headers = {}, method = "GET" }: { address?: string; userAgent?: string; headers?: Record<string, string>; method?: "GET" | "HEAD" } = {}) {
  const request = new NextRequest(`http://localhost/go/${slug}`, { method, headers: { "user-agent": userAgent, [PEER]: address, ...headers } });
  const handler = method === "HEAD" ? goRoute.HEAD : goRoute.GET;
  const response = await handler(request, { params: Promise.resolve({ slug }) });
  // Counting happens off the request's path; let it reach the buffer, then write the buffer.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await flushAnalytics();
  return response;
}

async function clicks(linkId: number) {
  const [row] = await sql`select count(*)::int as n from link_clicks where link_id = ${linkId}`;
  return row!.n as number;
}

async function linkCount(slug?: string) {
  const [row] = slug ? await sql`select count(*)::int as n from tracked_links where slug = ${slug}` : await sql`select count(*)::int as n from tracked_links`;
  return row!.n as number;
}

async function auditCount(action: string, entityId: number) {
  const [row] = await sql`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${String(entityId)}`;
  return row!.n as number;
}

describe("the marketer's links", () => {
  it("are created with the builder's fields, on record, and forward at once", async () => {
    const id = await createLink(`reel-${tag}`, { utmSource: "Instagram", utmMedium: "", utmContent: "reel 1" });
    expect(redirects).toEqual([`/admin/marketing/links/${id}?created=1`]);
    expect(await getTrackedLink(id)).toMatchObject({ slug: `reel-${tag}`, destination: "/products/smoked-oak-candle", utmSource: "instagram", utmMedium: "social", utmContent: "reel 1", archivedAt: null });
    expect(await auditCount("tracked_link.create", id)).toBe(1);

    const response = await follow(`reel-${tag}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("https://shop.example/products/smoked-oak-candle");
    expect(Object.fromEntries(location.searchParams)).toEqual({ utm_source: "instagram", utm_medium: "social", utm_campaign: `reel-${tag}`, utm_content: "reel 1" });
    // The landing cookie: campaign labels and the link, a session cookie, secure on https.
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`hearth_from=${encodeURIComponent(`s=instagram&m=social&c=reel-${tag}&t=reel+1&l=${id}`)}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
  });

  it("suggest the slug from the campaign when none is typed", async () => {
    const id = await createLink("", { utmCampaign: `Autumn ${tag} Story` });
    expect((await getTrackedLink(id))?.slug).toBe(`autumn-${tag}-story`);
  });

  it("refuse a taken slug as the field's error, and another site as a destination, changing nothing", async () => {
    await createLink(`taken-${tag}`);
    const before = await linkCount();
    const taken = await actions.createTrackedLinkAction(null, form(linkFields(`taken-${tag}`)));
    expect(taken).toMatchObject({ ok: false, fieldErrors: { slug: ["Another link already uses this slug. Choose another."] } });
    const evil = await actions.createTrackedLinkAction(null, form(linkFields(`evil-${tag}`, { destination: "other", destinationPath: "//evil.example/x" })));
    expect(evil.ok).toBe(false);
    expect(!evil.ok && evil.fieldErrors?.destinationPath).toEqual(["Short links only go to pages of this shop, never to another site."]);
    expect(await linkCount()).toBe(before);
  });

  it("give one of two marketers saving the same slug at once the field error, not a failure", async () => {
    const slug = `race-${tag}`;
    const results = await Promise.all([1, 2].map(() => actions.createTrackedLinkAction(null, form(linkFields(slug)))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, fieldErrors: { slug: ["Another link already uses this slug. Choose another."] } });
    expect(await linkCount(slug)).toBe(1);
  });

  it("change label and destination only; the next click follows the new destination", async () => {
    const id = await createLink(`edit-${tag}`);
    await follow(`edit-${tag}`); // loads the index with the old destination
    const result = await actions.updateTrackedLinkAction(null, form({ id: String(id), destination: "other", destinationPath: "/collections/candles?colour=amber", label: "Moved", slug: "hijack", utmSource: "tiktok" }));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await getTrackedLink(id)).toMatchObject({ slug: `edit-${tag}`, destination: "/collections/candles?colour=amber", label: "Moved", utmSource: "instagram" });
    expect(await auditCount("tracked_link.update", id)).toBe(1);
    const location = new URL((await follow(`edit-${tag}`, { address: "203.0.113.99" })).headers.get("location")!);
    expect(location.pathname).toBe("/collections/candles");
    expect(location.searchParams.get("colour")).toBe("amber");
    expect(location.searchParams.get("utm_source")).toBe("instagram");
  });

  it("are archived and restored; an archived link still forwards and counts", async () => {
    const id = await createLink(`old-${tag}`);
    expect((await actions.archiveTrackedLinkAction(null, form({ id: String(id), archived: "1" }))).ok).toBe(true);
    expect((await getTrackedLink(id))?.archivedAt).not.toBeNull();
    // A second click on a stale page changes nothing, and says so in the record.
    expect(await actions.archiveTrackedLinkAction(null, form({ id: String(id), archived: "1" }))).toMatchObject({ ok: true, data: { changed: false } });
    const response = await follow(`old-${tag}`, { address: "203.0.113.50" });
    expect(response.status).toBe(302);
    expect(await clicks(id)).toBe(1);
    expect((await actions.archiveTrackedLinkAction(null, form({ id: String(id), archived: "0" }))).ok).toBe(true);
    expect((await getTrackedLink(id))?.archivedAt).toBeNull();
    expect(await auditCount("tracked_link.archive", id)).toBe(2);
    expect(await auditCount("tracked_link.unarchive", id)).toBe(1);
  });

  it("are closed to staff, and a missing link is said plainly", async () => {
    caller.role = "staff";
    expect(await actions.createTrackedLinkAction(null, form(linkFields(`staff-${tag}`)))).toMatchObject({ ok: false, code: "forbidden" });
    caller.role = "marketer";
    expect(await actions.archiveTrackedLinkAction(null, form({ id: "2147483000", archived: "1" }))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("counting clicks", () => {
  let first: number;
  let second: number;
  beforeAll(async () => {
    first = await createLink(`count-a-${tag}`);
    second = await createLink(`count-b-${tag}`);
  });

  it("counts a repeat by the same visitor within the hour once, and different links and visitors separately", async () => {
    await follow(`count-a-${tag}`, { address: "198.51.100.1" });
    await follow(`count-a-${tag}`, { address: "198.51.100.1" });
    expect(await clicks(first)).toBe(1);
    await follow(`count-b-${tag}`, { address: "198.51.100.1" });
    expect(await clicks(second)).toBe(1);
    await follow(`count-a-${tag}`, { address: "198.51.100.2" });
    expect(await clicks(first)).toBe(2);
    // HEAD (a link previewer) forwards the same way and counts nothing.
    const head = await follow(`count-a-${tag}`, { address: "198.51.100.3", method: "HEAD" });
    expect(head.status).toBe(302);
    expect(await clicks(first)).toBe(2);
  });

  it("counts the same visitor again after the hour, whether the repeat is in the table or in the same batch", async () => {
    const link = await createLink(`hour-${tag}`);
    const visitor = { hash: `it-${tag}-hour`, deviceClass: "phone" as const, country: null, referrerHost: "instagram.com" };
    const t0 = Date.now() - 5 * 3_600_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    recordLinkClick(visitor, link, at(0));
    await flushAnalytics();
    recordLinkClick(visitor, link, at(30));
    await flushAnalytics();
    expect(await clicks(link)).toBe(1);
    recordLinkClick(visitor, link, at(61));
    await flushAnalytics();
    expect(await clicks(link)).toBe(2);
    // In one batch: 200 and 230 are one click; 270 is past the hour after 200.
    recordLinkClick(visitor, link, at(200));
    recordLinkClick(visitor, link, at(230));
    recordLinkClick(visitor, link, at(270));
    await flushAnalytics();
    expect(await clicks(link)).toBe(4);
  });

  it("does not count bots, nor a browser that sends Sec-GPC or DNT (which gets no landing cookie), but forwards them all", async () => {
    const before = await clicks(first);
    const bot = await follow(`count-a-${tag}`, { address: "198.51.100.20", userAgent: GOOGLEBOT });
    const gpc = await follow(`count-a-${tag}`, { address: "198.51.100.21", headers: { "sec-gpc": "1" } });
    const dnt = await follow(`count-a-${tag}`, { address: "198.51.100.22", headers: { dnt: "1" } });
    const noAgent = await follow(`count-a-${tag}`, { address: "198.51.100.23", userAgent: "" });
    for (const response of [bot, gpc, dnt, noAgent]) {
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get("location")!).searchParams.get("utm_campaign")).toBe(`reel-${tag}`);
    }
    expect(gpc.headers.get("set-cookie")).toBeNull();
    expect(dnt.headers.get("set-cookie")).toBeNull();
    expect(await clicks(first)).toBe(before);
    // The same browser without the signal is counted: the requests above were refused for the signal, not the address.
    await follow(`count-a-${tag}`, { address: "198.51.100.21" });
    expect(await clicks(first)).toBe(before + 1);
  });

  it("answers an unknown or malformed slug with a 404 and counts nothing", async () => {
    forgetTrackedLinkIndex();
    expect((await follow(`nope-${tag}`)).status).toBe(404);
    expect((await follow("Not%20a%20slug")).status).toBe(404);
  });

  it("reads a slug typed with capitals as the same link", async () => {
    const response = await follow(`COUNT-B-${tag.toUpperCase()}`, { address: "198.51.100.40" });
    expect(response.status).toBe(302);
    expect(await clicks(second)).toBe(2);
  });
});
