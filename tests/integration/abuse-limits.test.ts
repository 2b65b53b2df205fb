import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { abuseLimits } from "@/lib/privacy/abuse-limits";
import { setPeerAddressHeaderName } from "@/lib/http/client-address";
import { rateLimitBuckets, rateLimitKeyHash } from "@/lib/privacy/rate-limit";
import { testSql } from "../support/sql";

/*
 * Every abuse limit, attacked: a script hammers it (sequentially and in concurrent bursts), and
 * the database must show that nothing past the limit happened. Two "instances" of the shop
 * (the data access layer loaded twice, so two separate connection pools) share each limit,
 * because the counts live in PostgreSQL, not in a process.
 */

// The client address, as the server's own stamp says it (see lib/http/client-address.ts).
const PEER = "x-test-peer";
setPeerAddressHeaderName(PEER);
let client = "198.51.100.1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER]: client }), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, cacheLife: () => {}, cacheTag: () => {} }));
const redirects: string[] = [];
vi.mock("next/navigation", () => ({ redirect: (to: string) => void redirects.push(to), notFound: () => { throw new Error("NEXT_NOT_FOUND"); } }));
vi.mock("@/lib/attribution/current", () => ({ currentLanding: async () => null }));
vi.mock("@/lib/cart/session", () => ({ setCartCountCookie: async () => {} }));
vi.mock("@/lib/catalog/mutations", () => ({ refreshStockShownAfterOrder: async () => {} }));
let cart: { id: string; lines: { variantId: number; quantity: number }[]; checkoutReady: boolean } | null = null;
vi.mock("@/lib/cart/current-cart", () => ({ currentCart: async () => ({ cart, user: null }) }));
const linksSent: string[] = [];
vi.mock("@/app/theme.css?raw", async () => ({ default: (await import("node:fs")).readFileSync("app/theme.css", "utf8") }));
vi.mock("@/lib/auth/config", () => ({ signIn: async (_provider: string, { email }: { email: string }) => void linksSent.push(email) }));

const sql = testSql();
/** Two instances of the shop: each import of the modules after a reset opens its own pool. */
type Instance = {
  checkout: typeof import("@/app/(shop)/checkout/actions");
  preferences: typeof import("@/app/(shop)/preferences/[token]/actions");
  unsubscribe: typeof import("@/app/api/unsubscribe/[token]/route");
  clickLink: typeof import("@/app/r/[token]/route");
  requestLink: typeof import("@/lib/auth/request-link");
  links: typeof import("@/lib/newsletter/links");
  clickLinks: typeof import("@/lib/marketing/click-links");
};
async function loadInstance(): Promise<Instance> {
  vi.resetModules();
  setPeerAddressHeaderName(PEER);
  return {
    checkout: await import("@/app/(shop)/checkout/actions"),
    preferences: await import("@/app/(shop)/preferences/[token]/actions"),
    unsubscribe: await import("@/app/api/unsubscribe/[token]/route"),
    clickLink: await import("@/app/r/[token]/route"),
    requestLink: await import("@/lib/auth/request-link"),
    links: await import("@/lib/newsletter/links"),
    clickLinks: await import("@/lib/marketing/click-links"),
  };
}
let one: Instance;
let two: Instance;
const products: string[] = [];

beforeAll(async () => {
  one = await loadInstance();
  two = await loadInstance();
});

afterAll(async () => {
  await sql`delete from orders where id in (select order_id from order_items oi join product_variants v on v.id = oi.variant_id join products p on p.id = v.product_id where p.slug = any(${products}))`;
  await sql`delete from products where slug = any(${products})`;
  // The team members made here would count as admins in the files that run after this one.
  await sql`delete from users where email like 'limits-%@example.com'`;
  await sql.end();
});

/** A fresh client address per test, so each starts from nothing whatever ran before. */
function newClient() {
  client = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  return client;
}

async function makeCart(stock = 100) {
  const slug = `test-limits-${randomUUID().slice(0, 8)}`;
  products.push(slug);
  const [product] = await sql`insert into products (slug, title, status) values (${slug}, ${`Test ${slug}`}, 'published') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${slug.toUpperCase()}, '{"Colour":"Oat"}', 3000, 'GBP', ${stock}) returning id`;
  cart = { id: randomUUID(), lines: [{ variantId: variant!.id as number, quantity: 1 }], checkoutReady: true };
  return { variantId: variant!.id as number };
}

function checkoutForm(extra: Record<string, string> = {}) {
  const form = new FormData();
  const fields = { idempotencyKey: randomUUID(), email: "ada@example.com", name: "Ada Lovelace", line1: "12 St James's Square", line2: "", city: "London", postalCode: "SW1Y 4JH", country: "GB", shippingMethod: "standard", ...extra };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

async function ordersOf(variantId: number) {
  const [row] = await sql`select count(distinct order_id)::int as n from order_items where variant_id = ${variantId}`;
  return row!.n as number;
}

describe("discount-code guesses", () => {
  it("a concurrent burst of wrong codes on one cart, from two instances, gets exactly the limit of answers; then even the right code is refused and nothing is ordered", async () => {
    newClient();
    const { variantId } = await makeCart();
    const limit = abuseLimits.discountGuessesPerCart.limit;
    const burst = await Promise.all(
      // (Fewer than the per-cart checkout limit in all, so only the guess limit is in play.)
      Array.from({ length: limit + 5 }, (_, i) => (i % 2 ? one : two).checkout.placeOrderAction(checkoutForm({ discountCode: `GUESS${i}` }))),
    );
    const judged = burst.filter((r) => !r.ok && r.code === "invalid");
    const refused = burst.filter((r) => !r.ok && r.code === "rate_limited");
    expect(judged).toHaveLength(limit);
    expect(refused).toHaveLength(5);
    expect(refused[0]).toMatchObject({ fieldErrors: { discountCode: [expect.stringMatching(/Too many discount codes/)] } });

    // The demo's valid code: a lucky guess would be revealed if it were judged now.
    const valid = await one.checkout.placeOrderAction(checkoutForm({ discountCode: "WELCOME10" }));
    expect(valid).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await ordersOf(variantId)).toBe(0);

    // Without a code the shopper can still order: only guesses were limited.
    const plain = await two.checkout.placeOrderAction(checkoutForm());
    expect(plain).toMatchObject({ ok: true });
    expect(await ordersOf(variantId)).toBe(1);
  });

  it("a valid code is not counted as a guess, and wrong codes count per client across carts", async () => {
    newClient();
    await makeCart();
    for (let i = 0; i < 5; i++) expect(await one.checkout.placeOrderAction(checkoutForm({ discountCode: "WELCOME10", idempotencyKey: randomUUID() }))).toMatchObject({ ok: true });
    expect(await one.checkout.placeOrderAction(checkoutForm({ discountCode: "WRONG1" }))).toMatchObject({ ok: false, code: "invalid" });
    const hits = async (bucket: string, key: string) =>
      ((await sql`select count(*)::int as n from rate_limit_hits where bucket = ${bucket} and key_hash = ${rateLimitKeyHash(bucket as never, key)}`)[0]!.n as number);
    // Five valid codes and one wrong one: one guess counted, for the cart and for the client.
    expect(await hits(rateLimitBuckets.discountCart, cart!.id)).toBe(1);
    expect(await hits(rateLimitBuckets.discountClient, client)).toBe(1);
    expect(await hits(rateLimitBuckets.checkoutCart, cart!.id)).toBe(6);
    // Per client: a new cart for every guess does not help.
    const perClient = abuseLimits.discountGuessesPerClient.limit;
    let refused = 0;
    for (let i = 1; i < perClient + 3; i++) {
      await makeCart();
      const r = await (i % 2 ? one : two).checkout.placeOrderAction(checkoutForm({ discountCode: `NOPE${i}` }));
      if (!r.ok && r.code === "rate_limited") refused++;
    }
    expect(refused).toBe(3);
  });
});

describe("checkout attempts", () => {
  it("a burst of submissions for one cart stops at the per-cart limit, with one order and a clear message", async () => {
    newClient();
    const { variantId } = await makeCart();
    const limit = abuseLimits.checkoutPerCart.limit;
    const key = randomUUID();
    const burst = await Promise.all(Array.from({ length: limit + 10 }, (_, i) => (i % 2 ? one : two).checkout.placeOrderAction(checkoutForm({ idempotencyKey: key }))));
    expect(burst.filter((r) => r.ok)).toHaveLength(limit);
    const refused = burst.filter((r) => !r.ok);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(r).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Nothing was ordered/) });
    // The same idempotency key: every accepted submission is the one order.
    expect(await ordersOf(variantId)).toBe(1);
  });

  it("a shopper retrying a few times is never blocked", async () => {
    newClient();
    const { variantId } = await makeCart();
    for (let i = 0; i < 5; i++) expect(await one.checkout.placeOrderAction(checkoutForm({ discountCode: i < 2 ? "WELCOM10" : "", idempotencyKey: randomUUID() }))).toMatchObject(i < 2 ? { ok: false, code: "invalid" } : { ok: true });
    expect(await ordersOf(variantId)).toBe(3);
  });
});

describe("token guesses", () => {
  async function makeSubscriber() {
    const email = `limits-${randomUUID().slice(0, 8)}@example.com`;
    const [row] = await sql`insert into subscribers (email) values (${email}) returning id`;
    return row!.id as string;
  }
  const consentEvents = async (subscriberId: string) => ((await sql`select count(*)::int as n from consent_events where subscriber_id = ${subscriberId}`)[0]!.n as number);

  it("wrong preferences tokens, in a burst across two instances, use up the client's allowance; then a valid token changes nothing, for this client only", async () => {
    const attacker = newClient();
    const subscriberId = await makeSubscriber();
    const valid = one.links.subscriberToken("preferences", subscriberId);
    const limit = abuseLimits.tokenFailuresPerClient.limit;
    const forged = (i: number) => `${valid.split(".")[0]}.${"A".repeat(42)}${"ABCDEFGHIJ"[i % 10]}`;
    const form = (token: string) => {
      const f = new FormData();
      f.set("token", token);
      f.set("intent", "unsubscribe");
      return f;
    };
    const burst = await Promise.all(Array.from({ length: limit + 20 }, (_, i) => (i % 2 ? one : two).preferences.updatePreferencesAction(form(forged(i)))));
    expect(burst.every((r) => !r.ok)).toBe(true);
    expect(burst.filter((r) => !r.ok && r.code === "not_found")).toHaveLength(limit);
    expect(burst.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(20);

    client = attacker;
    expect(await one.preferences.updatePreferencesAction(form(valid))).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await two.preferences.updatePreferencesAction(form(valid))).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await consentEvents(subscriberId)).toBe(0);

    // Someone else, the subscriber at home, is not affected.
    newClient();
    expect(await one.preferences.updatePreferencesAction(form(valid))).toMatchObject({ ok: true });
  });

  it("the one-click unsubscribe and campaign links answer 429 with Retry-After over the limit, and change nothing", async () => {
    newClient();
    const subscriberId = await makeSubscriber();
    const limit = abuseLimits.tokenFailuresPerClient.limit;
    const post = (instance: Instance, token: string) =>
      instance.unsubscribe.POST(new Request(`http://localhost/unsubscribe/${token}`, { method: "POST", headers: { [PEER]: client, "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), {
        params: Promise.resolve({ token }),
      });
    const answers = await Promise.all(Array.from({ length: limit + 5 }, (_, i) => post(i % 2 ? one : two, `forged-${i}`)));
    expect(answers.filter((r) => r.status === 404)).toHaveLength(limit);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(5);
    const valid = await post(one, one.links.subscriberToken("unsubscribe", subscriberId));
    expect(valid.status).toBe(429);
    expect(Number(valid.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await consentEvents(subscriberId)).toBe(0);

    // A genuine campaign link is not followed (nor counted) for this client either.
    const clickToken = new URL(one.clickLinks.trackedLinkUrl(randomUUID(), "http://localhost:3000/products")).pathname.split("/").at(-1)!;
    expect(one.clickLinks.readTrackedLink(clickToken)).not.toBeNull();
    const click = await two.clickLink.GET(new Request(`http://localhost/r/${clickToken}`, { headers: { [PEER]: client } }), { params: Promise.resolve({ token: clickToken }) });
    expect(click.status).toBe(429);
    expect(click.headers.get("retry-after")).toBe(String(abuseLimits.tokenFailuresPerClient.windowMinutes * 60));
  });
});

describe("admin sign-in", () => {
  it("links to a staff address stop sooner than to a shopper's, with the same words, and only keyed hashes are stored", async () => {
    newClient();
    const staff = `limits-staff-${randomUUID().slice(0, 8)}@example.com`;
    const shopper = `limits-shopper-${randomUUID().slice(0, 8)}@example.com`;
    await sql`insert into users (id, email, role) values (${randomUUID()}, ${staff}, 'staff'), (${randomUUID()}, ${shopper}, 'customer')`;
    const outcomes = async (email: string, n: number) => {
      const result: string[] = [];
      for (let i = 0; i < n; i++) {
        try {
          await (i % 2 ? one : two).requestLink.sendSignInLinkWithinLimits(email, "/admin");
          result.push("sent");
        } catch (error) {
          result.push((error as Error).message);
        }
      }
      return result;
    };
    const staffAnswers = await outcomes(staff, abuseLimits.staffSignInPerAddress.limit + 2);
    expect(staffAnswers.filter((a) => a === "sent")).toHaveLength(abuseLimits.staffSignInPerAddress.limit);
    expect(linksSent.filter((e) => e === staff)).toHaveLength(abuseLimits.staffSignInPerAddress.limit);
    const shopperAnswers = await outcomes(shopper, abuseLimits.signInPerAddress.limit + 1);
    expect(shopperAnswers.filter((a) => a === "sent")).toHaveLength(abuseLimits.signInPerAddress.limit);
    expect(staffAnswers.at(-1)).toBe(shopperAnswers.at(-1));
    // Stored as keyed hashes: the address and the client appear nowhere, their hashes do.
    expect((await sql`select count(*)::int as n from rate_limit_hits where key_hash in (${staff}, ${client}) or bucket like '%@%'`)[0]!.n).toBe(0);
    expect((await sql`select count(*)::int as n from rate_limit_hits where bucket = ${rateLimitBuckets.staffSignInAddress} and key_hash = ${rateLimitKeyHash(rateLimitBuckets.staffSignInAddress, staff)}`)[0]!.n).toBe(abuseLimits.staffSignInPerAddress.limit);
  });

  it("a client asking for links to many staff addresses is stopped at the per-client staff limit", async () => {
    newClient();
    const limit = abuseLimits.staffSignInPerClient.limit;
    const staff = Array.from({ length: limit + 3 }, () => `limits-team-${randomUUID().slice(0, 8)}@example.com`);
    for (const email of staff) await sql`insert into users (id, email, role) values (${randomUUID()}, ${email}, 'admin')`;
    const sent = await Promise.all(staff.map((email, i) => (i % 2 ? one : two).requestLink.sendSignInLinkWithinLimits(email, "/admin").then(() => true, () => false)));
    expect(sent.filter(Boolean)).toHaveLength(limit);
  });
});
