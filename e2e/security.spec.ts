import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { addToCart } from "./pages/cart-page";
import { CheckoutPage } from "./pages/checkout-page";
import { latestEmail, linkIn, requestSignInLink, signIn, signedInPage } from "./support/auth";
import { query } from "./support/database";
import { hiddenFieldsOf } from "./support/forms";
import { e2eServerSettings } from "./support/server-settings";
import { emailsTo, uniqueAddress } from "./support/mailbox";

/*
 * Each test sends an attack a security review found against the shopper side, and checks that
 * it fails and changes nothing.
 */


test("a sign-in link asked for with a forged Host header is refused, or still points at the shop, not the attacker", async ({ request }) => {
  const victim = uniqueAddress("victim");
  const fields = await hiddenFieldsOf(request, "/login", "Sign in");
  // A forged host with a matching origin, or with the shop's own origin: refused outright (403,
  // where Next.js would answer 500), and nothing is sent.
  for (const origin of ["http://evil.example", baseURL]) {
    const refused = await request.post("/login", {
      multipart: { ...fields, email: victim },
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http", origin },
      maxRedirects: 0,
    });
    expect(refused.status(), origin).toBe(403);
  }
  expect(await emailsTo(victim)).toHaveLength(0);
  // A script without an Origin gets through to the form: the link still names the shop.
  const response = await request.post("/login", {
    multipart: { ...fields, email: victim },
    headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
  const mail = await latestEmail(victim, /sign-in link/);
  const link = linkIn(mail, /\/login\/confirm\?/);
  expect(new URL(link).origin).toBe(baseURL);
  expect(mail.text).not.toContain("evil.example");
  expect(mail.html).not.toContain("evil.example");
  // The refused requests sent nothing, then or since.
  expect(await emailsTo(victim)).toHaveLength(1);
});

test("the auth library's own sign-in endpoint is closed: it cannot send links around the shop's limit", async ({ request }) => {
  const victim = uniqueAddress("flooded");
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(404);
  for (let i = 0; i < 8; i++) {
    const sent = await request.post("/api/auth/signin/email", { form: { email: victim, csrfToken: "any", callbackUrl: "/" } });
    expect(sent.status()).toBe(404);
  }
  for (const path of ["/api/auth/signin", "/api/auth/providers", "/api/auth/session", "/api/auth/signout"]) expect((await request.get(path)).status(), path).toBe(404);
  // Give a send that should not happen a moment to arrive.
  await new Promise((r) => setTimeout(r, 500));
  expect(await emailsTo(victim)).toHaveLength(0);
});

test("a link to the sign-in callback with the attacker's own token signs no one in; only the confirm page's button does", async ({ page, request, browser }) => {
  const attacker = uniqueAddress("attacker");
  const attackerContext = await browser.newContext();
  const link = await requestSignInLink(await attackerContext.newPage(), attacker);
  const { searchParams } = new URL(link);
  const callback = `/api/auth/callback/email?${new URLSearchParams({ token: searchParams.get("token")!, email: attacker })}`;

  // The victim opens the attacker's link to the callback: they land on the confirm page, which
  // names the account, and are not signed in.
  await page.goto(callback);
  await expect(page).toHaveURL(/\/login\/confirm\?/);
  await expect(page.getByRole("main")).toContainText(`Signing in as ${attacker}`);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);

  // A form on another site that posts the token is refused.
  const crossSite = await request.post("/api/auth/callback/email", {
    form: { token: searchParams.get("token")!, email: attacker },
    headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(crossSite.headers()["set-cookie"] ?? "").not.toContain("session-token");

  // None of that used the token up: its owner still signs in with the button.
  const attackerPage = await attackerContext.newPage();
  await attackerPage.goto(link);
  await attackerPage.getByRole("button", { name: "Continue to your account" }).click();
  await expect(attackerPage).toHaveURL(/\/account/);
  await expect(attackerPage.getByText(`Signed in as ${attacker}.`)).toBeVisible();
  await attackerContext.close();
});

test("a customer who checks out with a stranger's address does not get the stranger's subscription", async ({ page, browser }) => {
  const stranger = uniqueAddress("stranger");
  // The stranger subscribes and confirms.
  const strangerContext = await browser.newContext();
  const strangerPage = await strangerContext.newPage();
  await strangerPage.goto("/newsletter");
  const form = strangerPage.getByRole("main").getByRole("form", { name: "Subscribe to our emails" });
  await form.getByRole("checkbox", { name: /Offers and events/ }).check();
  await form.getByLabel("Email address").fill(stranger);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await strangerPage.goto(linkIn(await latestEmail(stranger, /confirm your subscription/), /\/newsletter\/confirm\?token=/));
  await strangerPage.getByRole("button", { name: "Yes, subscribe me" }).click();
  await expect(strangerPage.getByRole("heading", { name: "You're subscribed" })).toBeVisible();
  await strangerContext.close();

  // A signed-in customer orders with the stranger's address and ticks the newsletter box.
  const customer = uniqueAddress("customer");
  await signIn(page, customer);
  await addToCart(page, "/products/coffee-scoop");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ email: stranger, name: "Nosy Parker", line1: "1 Lane", city: "York", postalCode: "YO1 7HH" });
  await page.getByRole("form", { name: "Checkout" }).getByRole("checkbox", { name: /newsletter/ }).check();
  await checkout.placeOrder();
  await expect(page).toHaveURL(/\/orders\//);

  // The customer's privacy centre shows none of the stranger's subscription or history…
  await page.goto("/account/privacy");
  await expect(page.getByRole("switch", { name: /Offers and events/ })).toHaveAttribute("aria-checked", "false");
  const exported = await (await page.request.get("/account/privacy/export")).json();
  expect(exported.newsletter).toBeNull();
  expect(JSON.stringify(exported.consentHistory)).not.toContain("newsletter:");
  // …and the stranger's record is not linked to the customer's account.
  const [row] = await query((sql) => sql`select user_id from subscribers where email = ${stranger}`);
  expect(row?.user_id).toBeNull();
});

test("rotating X-Forwarded-For does not give a script a fresh rate-limit key per request", async ({ request }) => {
  const fields = await hiddenFieldsOf(request, "/login", "Sign in");
  const emails = [1, 2, 3].map((i) => uniqueAddress(`rotating${i}`));
  for (const [i, email] of emails.entries()) {
    const response = await request.post("/login", {
      multipart: { ...fields, email },
      headers: { "x-forwarded-for": `198.51.100.${i + 1}`, origin: baseURL },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(400);
  }
  // Each request counted one hit per address and one per client, in one transaction (so with
  // one timestamp). The client keys of the three requests are one and the same.
  const addressKey = (email: string) => createHmac("sha256", e2eServerSettings.authSecret).update(`rate-limit:sign-in:address\n${email}`).digest("base64url");
  const clientKeys = await query((sql) => sql`
    select c.key_hash from rate_limit_hits a
    join rate_limit_hits c on c.bucket = 'sign-in:client' and c.created_at = a.created_at
    where a.bucket = 'sign-in:address' and a.key_hash in ${sql(emails.map(addressKey))}`);
  expect(clientKeys).toHaveLength(3);
  // …and it is this machine's own address, as the connection showed it (not a shared "unknown").
  const loopback = ["127.0.0.1", "0:0:0:0::/64"].map((a) => createHmac("sha256", e2eServerSettings.authSecret).update(`rate-limit:sign-in:client\n${a}`).digest("base64url"));
  expect(loopback).toContain(clientKeys[0]!.key_hash);
  expect(new Set(clientKeys.map((k) => k.key_hash)).size).toBe(1);
});

test("a product that sells out in an order shows as sold out straight away", async ({ page, request }) => {
  // Two left of the wick trimmer (set through the warehouse webhook, which refreshes the page).
  await page.goto("/products/wick-trimmer");
  const sku = ((await page.getByTestId("stock").textContent()) ?? "").match(/SKU (\S+)/)![1]!;
  const secret = e2eServerSettings.inventoryWebhookSecret;
  expect((await request.post("/api/catalog/stock", { headers: { Authorization: `Bearer ${secret}` }, data: { updates: [{ sku, stock: 2 }] } })).status()).toBe(200);
  await page.goto("/products/wick-trimmer");
  await expect(page.getByTestId("stock")).toContainText("Only 2 left");
  // The page is now served from the page cache: what the order must expire.
  expect((await request.get("/products/wick-trimmer")).headers()["x-nextjs-cache"]).toBe("HIT");

  await addToCart(page, "/products/wick-trimmer");
  await addToCart(page, "/products/wick-trimmer");
  await expect(page.getByRole("listitem", { name: /^Brass wick trimmer/ }).getByLabel("Quantity")).toHaveValue("2");
  const checkout = new CheckoutPage(page);
  await checkout.goto();
  await checkout.fill({ email: uniqueAddress("last-two"), name: "Last Buyer", line1: "2 Lane", city: "Leeds", postalCode: "LS1 1AA" });
  await checkout.placeOrder();
  await expect(page).toHaveURL(/\/orders\//);

  await page.goto("/products/wick-trimmer");
  await expect(page.getByTestId("stock")).toContainText("Sold out");
  await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
});

test("made-up product, variant and filter URLs do not create pages in the cache", async ({ request }) => {
  // A path under a product that names nothing is not a page.
  expect((await request.get("/products/everyday-mug/anything-at-all")).status()).toBe(404);
  expect((await request.get("/collections/candles/anything-at-all")).status()).toBe(404);
  expect((await request.get(`/products/no-such-product-${Date.now()}`)).status()).toBe(404);
  expect((await request.get(`/collections/no-such-collection-${Date.now()}`)).status()).toBe(404);

  // Every unknown SKU of a product shares one "option no longer available" page: the second
  // made-up SKU is served from the entry the first one made.
  // (A product and a collection no other test changes, so nothing expires them meanwhile.)
  const first = await request.get(`/products/bud-vase?variant=JUNK${Date.now()}A`);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain("The option in your link is no longer available");
  const second = await request.get(`/products/bud-vase?variant=JUNK${Date.now()}B`);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");

  // Filter values no product in the collection has, and pages past the end, fold into real pages.
  await request.get("/collections/gift-sets");
  const junkFilter = await request.get(`/collections/gift-sets?colour=Plaid${Date.now()}&size=XXXL`);
  expect(junkFilter.status()).toBe(200);
  expect(junkFilter.headers()["x-nextjs-cache"]).toBe("HIT");
  const pastTheEnd = await request.get("/collections/gift-sets?page=41");
  expect(await pastTheEnd.text()).toContain("This page is past the end of the list.");
  const furtherPast = await request.get("/collections/gift-sets?page=42");
  expect(furtherPast.headers()["x-nextjs-cache"]).toBe("HIT");
});

test("a saved cart is not the next person's: after 'sign out everywhere else' the other browser cannot see or change it", async ({ browser }) => {
  // Two sign-ins by emailed link and six pages: it ran 22–30 s beside the whole suite.
  test.slow();
  const email = uniqueAddress("shared-browser");
  const library = await signedInPage(browser, email); // a shared computer
  await addToCart(library.page, "/products/linen-napkins");
  await expect(library.page.getByRole("listitem", { name: /^Linen napkins/ })).toBeVisible();

  const phone = await signedInPage(browser, email);
  await phone.page.goto("/account/privacy");
  await phone.page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(phone.page.getByText("Signed out of 1 other device.")).toBeVisible();

  // The shared computer still holds the cart cookie, but the cart is not its any more.
  await library.page.goto("/cart");
  await expect(library.page.getByText("Your cart is empty.")).toBeVisible();
  await library.page.goto("/checkout");
  await expect(library.page.getByText("Your cart is empty, so there is nothing to check out yet.")).toBeVisible();

  // The owner still has it, unchanged.
  await phone.page.goto("/cart");
  await expect(phone.page.getByRole("listitem", { name: /^Linen napkins/ })).toBeVisible();
  await library.context.close();
  await phone.context.close();
});

test("deleting an account needs a recent sign-in: someone at an unlocked computer cannot do it", async ({ page }) => {
  const email = uniqueAddress("unlocked");
  await signIn(page, email);
  await page.goto("/account/privacy/delete");
  await expect(page.getByRole("button", { name: "Delete my account" })).toBeVisible();

  // The owner walks away; eleven minutes later someone else uses the open page.
  await query((sql) => sql`update sessions set created_at = now() - interval '11 minutes' where user_id = (select id from users where email = ${email})`);
  await page.getByRole("checkbox", { name: /I understand/ }).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "For your safety, confirm it is you first" })).toBeVisible();
  const [stillThere] = await query((sql) => sql`select count(*)::int as n from users where email = ${email}`);
  expect(stillThere!.n).toBe(1);

  // The page now asks for a fresh link, sent to the account's own inbox, which leads back here.
  await page.reload();
  await expect(page.getByRole("button", { name: "Delete my account" })).toHaveCount(0);
  const before = (await emailsTo(email)).length;
  await page.getByRole("button", { name: "Email me a link to confirm" }).click();
  await expect(page.getByText(`We have emailed a sign-in link to ${email}`)).toBeVisible();
  await expect.poll(async () => (await emailsTo(email)).length).toBeGreaterThan(before);
  await page.goto(linkIn((await emailsTo(email))[0]!, /\/login\/confirm\?/));
  await page.getByRole("button", { name: "Continue to your account" }).click();
  await expect(page).toHaveURL(/\/account\/privacy\/delete$/);
  await page.getByRole("checkbox", { name: /I understand/ }).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
});
