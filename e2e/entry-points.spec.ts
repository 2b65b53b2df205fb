import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoPeople } from "../db/seed-data";
import { can, type Permission } from "../lib/auth/permissions";
import { publicActions, routeHandlers } from "../lib/auth/public-actions";
import { baseURL } from "../playwright.config";
import { sessionCookieFor } from "./support/auth";
import { query } from "./support/database";
import { serverActions } from "./support/entry-points";
import { uniqueAddress } from "./support/mailbox";

/*
 * Every server action and route handler in the build, called the way a script would: as an
 * anonymous visitor, with a form of junk. Actions behind userFormAction must answer
 * "unauthorized"; public actions must refuse the junk ("invalid", or a redirect to the page
 * that says what to fix); route handlers must refuse, or be the public ones listed in
 * lib/auth/public-actions.ts. Admin actions and route handlers are also called as a signed-in
 * customer and as each staff role without their permission. Nothing may change in the
 * database: this project runs before any other (playwright.config.ts), and the whole database
 * is fingerprinted before and after. The list comes from the build
 * (server-reference-manifest.json) and the source tree, not from this file.
 */

const actions = serverActions();

/** The permission an admin action names, read from its source (tests/unit/entry-points checks it is there). */
function permissionOf(file: string, exportedName: string): Permission | null {
  const source = readFileSync(file, "utf8");
  const match = new RegExp(`^export\\s+const\\s+${exportedName}\\s*=\\s*adminAction\\(\\s*"([^"]+)"`, "m").exec(source);
  return (match?.[1] as Permission | undefined) ?? null;
}

/** Signed-in callers who must be refused an admin action: a shopper, and each staff role without the permission. */
const staffRoles = [...demoPeople.staff.map((p) => ({ email: p.email, role: p.role }))];
function refusedCallers(permission: Permission) {
  return [{ email: demoPeople.shopper.email, role: "customer" as const }, ...staffRoles.filter((p) => !can(p.role, permission))];
}

/**
 * Tables whose rows change without any action: sessions are touched on each visit, limits
 * count requests, and visits and link clicks are counted (cookieless analytics).
 */
const unfingerprinted = new Set(["sessions", "rate_limit_hits", "__drizzle_migrations", "page_views", "analytics_salts", "link_clicks"]);

/** A hash of every row of every table: equal before and after means nothing changed. */
async function databaseFingerprint() {
  return query(async (sql) => {
    const tables = await sql<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
    const parts = tables
      .filter((t) => !unfingerprinted.has(t.name))
      .map((t) => `select '${t.name}' as name, count(*)::int as rows, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as hash from "${t.name}" x`);
    const rows = await sql.unsafe<{ name: string; rows: number; hash: string }[]>(parts.join(" union all "));
    return Object.fromEntries(rows.map((r) => [r.name, `${r.rows}:${r.hash}`]));
  });
}

async function signedInRequest(request: APIRequestContext, email: string) {
  const cookie = await sessionCookieFor(email);
  return { cookie: `${cookie.name}=${cookie.value}`, request };
}

/** What the database holds that any action could change. Counted by this test's own junk markers. */
async function junkTraces(marker: string) {
  return query(async (sql) => {
    const [row] = await sql`
      select (select count(*)::int from orders where email like ${`%${marker}%`}) as orders,
             (select count(*)::int from subscribers where email like ${`%${marker}%`}) as subscribers,
             (select count(*)::int from users where email like ${`%${marker}%`} or name like ${`%${marker}%`}) as users,
             (select count(*)::int from addresses where name like ${`%${marker}%`}) as addresses,
             (select count(*)::int from email_messages where to_address like ${`%${marker}%`}) as emails`;
    return row;
  });
}

test("the build has the actions the source declares, and each is checked", () => {
  expect(actions.length).toBeGreaterThan(10);
  for (const [file, names] of Object.entries(publicActions)) {
    for (const name of Object.keys(names)) expect(actions.some((a) => a.filename === file && a.exportedName === name), `${file}#${name} in the build`).toBe(true);
  }
});

let before: Record<string, string>;
test.beforeAll(async () => {
  before = await databaseFingerprint();
});
test.afterAll(async () => {
  // Every refusal above, together: not one row anywhere changed.
  expect(await databaseFingerprint()).toEqual(before);
});

async function callAction(request: APIRequestContext, action: (typeof actions)[number], args: unknown[], form: Record<string, string>, cookie?: string) {
  return request.post(action.page, {
    headers: { "next-action": action.id, accept: "text/x-component", ...(cookie ? { cookie } : {}) },
    multipart: { ...form, "0": JSON.stringify(args) },
    maxRedirects: 0,
  });
}

for (const action of actions.filter((a) => a.filename.startsWith("app/admin/"))) {
  const permission = permissionOf(action.filename, action.exportedName);
  test(`admin action ${action.exportedName} (${permission}) refuses a shopper and every role without the permission`, async ({ request }) => {
    expect(permission, `${action.filename}#${action.exportedName} is built by adminAction with a permission`).toBeTruthy();
    const form = { "1_id": "1", "1_name": "Refused", "1_title": "Refused", "1_status": "paid", "1_role": "admin", "1_email": "refused@example.com" };
    for (const caller of refusedCallers(permission!)) {
      const { cookie } = await signedInRequest(request, caller.email);
      for (const args of [[null, "$K1"], ["$K1"]]) {
        const response = await callAction(request, action, args, form, cookie);
        expect(response.status(), "never a server error").toBeLessThan(500);
        expect(await response.text(), `${action.exportedName} as ${caller.role}`).toContain('"code":"forbidden"');
      }
    }
  });
}

for (const action of actions) {
  const isPublic = Boolean(publicActions[action.filename]?.[action.exportedName]);
  test(`${isPublic ? "public" : "signed-in"} action ${action.exportedName} refuses an anonymous caller's junk and changes nothing`, async ({ request }) => {
    const marker = `junk${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    // Plausible-looking fields with junk values: enough to get past "no form", never valid.
    const junk = { email: `${marker}@`, name: marker, purpose: marker, token: marker, quantity: "-1", variantId: "x", addressId: "x", session: marker, confirm: marker, idempotencyKey: marker };
    const form = Object.fromEntries(Object.entries(junk).map(([k, v]) => [`1_${k}`, v]));
    // Called the two ways React calls actions: as useActionState does (previous state, form) and
    // as a plain <form action> does (form).
    let explicit = 0;
    for (const args of [[null, "$K1"], ["$K1"]]) {
      const response = await callAction(request, action, args, form);
      expect(response.status(), "never a server error").toBeLessThan(500);
      const body = await response.text();
      const redirect = response.headers()["x-action-redirect"] ?? "";
      if (isPublic) {
        // Refused in words, or sent to the page that says what to fix (sign-out: back home, as it was).
        const path = redirect.startsWith(baseURL) ? redirect.slice(baseURL.length) : redirect;
        const said = body.includes('"code":"invalid"') || body.includes('"code":"not_found"') || /^\/(newsletter\?problem=|newsletter\/confirm\?|;|$)/.test(path);
        // A plain-form action given something that is not a form ignores it.
        const ignored = /^1:"\$undefined"$/m.test(body) && !redirect;
        expect(said || ignored, `refusal from ${action.exportedName}: ${redirect} ${body.slice(0, 300)}`).toBe(true);
        if (said) explicit++;
      } else {
        expect(body, `${action.exportedName} answers an anonymous caller`).toContain('"code":"unauthorized"');
        explicit++;
      }
    }
    expect(explicit, "at least one way of calling it is answered with a refusal").toBeGreaterThan(0);
    expect(await junkTraces(marker)).toEqual({ orders: 0, subscribers: 0, users: 0, addresses: 0, emails: 0 });
  });
}

/** Every route handler in the source, with an anonymous request and what it must answer. */
const routeFiles: string[] = [];
(function walk(dir: string) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/^route\.(ts|tsx)$/.test(entry.name)) routeFiles.push(full);
  }
})("app");

const anonymousCalls: Record<string, { path: string; method: "GET" | "POST"; form?: Record<string, string>; data?: unknown; headers?: Record<string, string>; status: number }[]> = {
  "app/api/health/route.ts GET": [{ path: "/api/health", method: "GET", status: 200 }],
  "app/api/analytics/view/route.ts POST": [
    { path: "/api/analytics/view", method: "POST", data: "/products/everyday-mug", headers: { "content-type": "text/plain", "sec-fetch-site": "cross-site" }, status: 403 },
    { path: "/api/analytics/view", method: "POST", data: "https://evil.example/", headers: { "content-type": "text/plain" }, status: 400 },
    { path: "/api/analytics/view", method: "POST", data: "/products/everyday-mug", headers: { "content-type": "text/plain" }, status: 204 },
  ],
  "app/(shop)/links/route.ts GET": [{ path: "/links", method: "GET", status: 200 }],
  // A script (no Origin, no Sec-Fetch-Site) or another site's form cannot sign anyone up.
  "app/(shop)/links/subscribe/route.ts POST": [
    { path: "/links/subscribe", method: "POST", form: { email: uniqueAddress("entry"), source: "links-page", "newsletter:offers": "yes" }, status: 403 },
    { path: "/links/subscribe", method: "POST", form: { email: uniqueAddress("entry"), source: "links-page", "newsletter:offers": "yes" }, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, status: 403 },
  ],
  "app/account/privacy/export/route.ts GET": [{ path: "/account/privacy/export", method: "GET", status: 401 }],
  "app/api/catalog/stock/route.ts POST": [{ path: "/api/catalog/stock", method: "POST", data: { updates: [{ sku: "EVEMUG-OAT", stock: 0 }] }, status: 401 }],
  "app/uploads/[...key]/route.ts GET": [
    { path: "/uploads/products/00000000000000000000000000000000.webp", method: "GET", status: 404 },
  ],
  "app/api/webhooks/resend/route.ts POST": [
    { path: "/api/webhooks/resend", method: "POST", data: { type: "email.bounced", data: { email_id: "x" } }, status: 400 },
    {
      path: "/api/webhooks/resend",
      method: "POST",
      data: { type: "email.complained", created_at: new Date().toISOString(), data: { email_id: "x", to: [demoPeople.shopper.email] } },
      headers: { "svix-id": "msg_forged", "svix-timestamp": String(Math.floor(Date.now() / 1000)), "svix-signature": "v1,Zm9yZ2VkLXNpZ25hdHVyZS1mb3JnZWQtc2lnbmF0dXJlMTI=" },
      status: 401,
    },
  ],
  "app/api/unsubscribe/[token]/route.ts POST": [{ path: "/unsubscribe/forged.token", method: "POST", form: { "List-Unsubscribe": "One-Click" }, status: 404 }],
  // A campaign link the shop did not sign goes nowhere (not an open redirect) and counts nothing.
  "app/r/[token]/route.ts GET": [
    { path: "/r/eyJjIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAwIiwidSI6Imh0dHBzOi8vZXZpbC5leGFtcGxlIn0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", method: "GET", status: 404 },
    { path: "/r/junk", method: "GET", status: 404 },
  ],
  // A short link forwards only on the shop; these calls count nothing (unknown slug, GPC, a
  // crawler) so the database fingerprint stays the same.
  "app/go/[slug]/route.ts GET": [
    { path: "/go/no-such-link-here", method: "GET", status: 404 },
    { path: "/go/bio", method: "GET", headers: { "sec-gpc": "1" }, status: 302 },
    { path: "/go/oak-candle-reel", method: "GET", headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }, status: 302 },
  ],
  "app/api/auth/[...nextauth]/route.ts GET": [
    { path: "/api/auth/session", method: "GET", status: 404 },
    { path: "/api/auth/csrf", method: "GET", status: 404 },
  ],
  "app/api/auth/[...nextauth]/route.ts POST": [
    { path: "/api/auth/signin/email", method: "POST", form: { email: uniqueAddress("entry"), csrfToken: "x" }, status: 404 },
    { path: "/api/auth/callback/email", method: "POST", form: { token: "x", email: "x@example.com" }, status: 403 },
  ],
};

/** An admin route handler's URL, with a made-up id for each dynamic segment. */
function adminRoutePath(file: string) {
  return file.replace(/^app/, "").replace(/\/route\.tsx?$/, "").replace(/\[[^\]]+\]/g, "1");
}

test("every admin route handler refuses an anonymous visitor, a shopper and every role without its permission", async ({ request }) => {
  for (const file of routeFiles.filter((f) => f.startsWith("app/admin/"))) {
    const source = readFileSync(file, "utf8");
    const permission = /requirePermission\(\s*"([^"]+)"/.exec(source)?.[1] as Permission | undefined;
    expect(permission, `${file} checks a permission`).toBeTruthy();
    for (const [, method] of source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/gm)) {
      const path = adminRoutePath(file);
      const anonymous = await request.fetch(path, { method, maxRedirects: 0 });
      expect(anonymous.status(), `${method} ${path} anonymously`).toBe(401);
      for (const caller of refusedCallers(permission!)) {
        const { cookie } = await signedInRequest(request, caller.email);
        const response = await request.fetch(path, { method, headers: { cookie }, maxRedirects: 0 });
        expect(response.status(), `${method} ${path} as ${caller.role}`).toBe(403);
      }
    }
  }
});

test("every route handler is called anonymously here, and answers only what its listed check allows", async ({ request }) => {
  for (const file of routeFiles) {
    const source = readFileSync(file, "utf8");
    for (const [, method] of source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/gm)) {
      const key = `${file} ${method}`;
      expect(routeHandlers[file]?.[method!], `${key} listed in lib/auth/public-actions.ts`).toBeTruthy();
      // Admin handlers are called by the test above, with every kind of refused caller.
      if (file.startsWith("app/admin/")) continue;
      const calls = anonymousCalls[key];
      expect(calls, `${key} has an anonymous call in this test`).toBeTruthy();
      for (const call of calls!) {
        const response = await request.fetch(call.path, { method: call.method, form: call.form, data: call.data, headers: call.headers, maxRedirects: 0 });
        expect(response.status(), `${call.method} ${call.path}`).toBe(call.status);
      }
    }
  }
});
