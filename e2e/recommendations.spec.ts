import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";

/*
 * Suggestions that say why: a guest sees the shop's best sellers, marked as not based on them;
 * a shopper who agreed to personalisation sees suggestions from their own orders with the
 * reason, never the thing they already bought, and can switch personalisation off from the
 * reason itself.
 */

/** The suggestions section (a region named by its heading). */
const suggestions = (page: Page, name: RegExp | string) => page.getByRole("region", { name });

/** One suggested product's card and its "Why am I seeing this?" panel. */
function suggestion(page: Page, section: ReturnType<typeof suggestions>, title: string) {
  return section.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
}

test("a guest sees what is popular in the collection, and why, with nothing about them", async ({ page, request }) => {
  // Best sellers are the same for everyone, so a guest's product page is still served whole from the cache.
  await request.get("/products/bud-vase");
  const cached = await request.get("/products/bud-vase");
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await cached.text()).toContain("Popular in Ceramics");

  await page.goto("/products/bud-vase");
  const section = suggestions(page, "Popular in Ceramics");
  await expect(section).toBeVisible();
  await expect(section.getByText("What other shoppers bought most in the last three months. The same for everyone.")).toBeVisible();
  const cards = section.getByRole("listitem");
  await expect(cards).not.toHaveCount(0);
  // Never the product on the page.
  await expect(section.getByRole("heading", { name: "Bud vase", exact: true })).toHaveCount(0);

  const first = cards.first();
  await first.getByText("Why am I seeing this?").click();
  await expect(first.getByText(/^(Popular in Ceramics this season|One of our picks from Ceramics|Popular in the shop this season|One of our picks from the shop) — not based on you\.$/)).toBeVisible();
  await expect(page.getByText(/Because you|in your cart|Running low/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Turn personalisation off" })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

/** A shopper who agreed to personalisation and bought the Workshop apron; other people bought it with two linen pieces. */
async function shopperWhoBoughtTheApron() {
  const tag = randomUUID().slice(0, 8);
  const email = `recs-${tag}@recommendations.example`;
  return query(async (sql) => {
    const [user] = await sql`insert into users (id, email, name, role, email_verified) values (gen_random_uuid()::text, ${email}, 'Rae Recs', 'customer', now()) returning id`;
    const userId = user!.id as string;
    await sql`insert into consent_events (user_id, purpose, action, wording_id, source, method, created_at)
      values (${userId}, 'personalisation', 'granted', 'personalisation@2026-11', 'privacy-centre', 'privacy_centre', now() - interval '30 days')`;
    const variantOf = async (slug: string) => (await sql`select v.id, v.sku, p.title from product_variants v join products p on p.id = v.product_id where p.slug = ${slug} order by v.position, v.id limit 1`)[0]!;
    // Two linen pieces in stock (not the apron, not the page the test opens), the first bought with the apron most often.
    const complements = await sql`
      select p.slug from products p join collection_products cp on cp.product_id = p.id join collections c on c.id = cp.collection_id
      where c.slug = 'linen' and p.status = 'published' and p.slug not in ('linen-apron', 'linen-tablecloth')
        and exists (select 1 from product_variants v where v.product_id = p.id and v.stock > 0)
      order by p.id limit 2`;
    const order = async (buyer: string | null, email: string, slugs: string[], daysAgo: number) => {
      const [row] = await sql`
        insert into orders (email, user_id, status, shipping_name, shipping_line1, shipping_city, shipping_postal_code, shipping_country, shipping_method, currency,
          subtotal_amount, shipping_amount, tax_amount, total_amount, prices_include_tax, payment_provider, idempotency_key, request_fingerprint, created_at)
        values (${email}, ${buyer}, 'delivered', 'Rae Recs', '1 Loom Street', 'Leeds', 'LS1 1AA', 'GB', 'standard', 'GBP',
          3000, 0, 500, 3000, true, 'manual', ${randomUUID()}, 'fp', now() - make_interval(days => ${daysAgo}))
        returning id`;
      for (const slug of slugs) {
        const v = await variantOf(slug);
        await sql`insert into order_items (order_id, variant_id, sku, product_title, variant_title, unit_price, quantity, line_total)
          values (${row!.id}, ${v.id}, ${v.sku}, ${v.title}, '', 1500, 1, 1500)`;
      }
    };
    const [often, sometimes] = complements.map((c) => c.slug as string);
    for (let i = 0; i < 3; i++) await order(null, `other-${tag}-${i}@recommendations.example`, ["linen-apron", often!], 50);
    await order(null, `other-${tag}-x@recommendations.example`, ["linen-apron", sometimes!], 50);
    await order(userId, email, ["linen-apron"], 20);
    const titleOf = async (slug: string) => (await sql`select title from products where slug = ${slug}`)[0]!.title as string;
    return { email, often: await titleOf(often!) };
  });
}

test("a shopper who agreed sees why, never what they already bought, and can turn personalisation off right there", async ({ browser }) => {
  const shopper = await shopperWhoBoughtTheApron();
  const { context, page } = await signedInAs(browser, shopper.email);

  await page.goto("/products/linen-tablecloth");
  const personal = suggestions(page, "Suggestions for you");
  await expect(personal).toBeVisible();
  await expect(personal.getByRole("heading", { name: "Workshop apron", exact: true })).toHaveCount(0);
  await expect(personal.getByRole("heading", { name: "Linen tablecloth", exact: true })).toHaveCount(0);

  const item = suggestion(page, personal, shopper.often);
  await item.getByText("Why am I seeing this?").click();
  await expect(item.getByText(/^Because you bought the Workshop apron on \d{1,2} \w{3} \d{4}, and people who bought it often bought this too\.$/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The same on their account page.
  await page.goto("/account");
  const onAccount = suggestions(page, "Suggestions for you");
  await expect(onAccount.getByRole("heading", { name: "Workshop apron", exact: true })).toHaveCount(0);
  await suggestion(page, onAccount, shopper.often).getByText("Why am I seeing this?").click();
  await expect(suggestion(page, onAccount, shopper.often).getByText(/^Because you bought the Workshop apron on/)).toBeVisible();

  // Off, from the reason itself: the section turns non-personal at once.
  await page.goto("/products/linen-tablecloth");
  const again = suggestion(page, suggestions(page, "Suggestions for you"), shopper.often);
  await again.getByText("Why am I seeing this?").click();
  await again.getByRole("button", { name: "Turn personalisation off" }).click();
  await expect(suggestions(page, /^(Popular in|More from) /)).toBeVisible();
  await expect(suggestions(page, "Suggestions for you")).toHaveCount(0);
  await expect(page.getByText(/Because you bought/)).toHaveCount(0);
  await page.reload();
  await expect(suggestions(page, "Suggestions for you")).toHaveCount(0);
  await expect(page.getByTestId("recommendations")).toHaveAttribute("data-personal", "false");

  // The privacy centre shows the switch off, and where it was turned off.
  await page.goto("/account/privacy");
  await expect(page.getByRole("switch", { name: "Personalised suggestions" })).toHaveAttribute("aria-checked", "false");
  const history = page.getByRole("list", { name: "History of Personalised suggestions" }).getByRole("listitem");
  await expect(history.last()).toHaveText(/^You withdrew on \d{1,2} \w{3} \d{4} from the “Why am I seeing this\?” panel of a suggestion\.$/);
  const [event] = await query((sql) => sql`select e.source, e.method from consent_events e join users u on u.id = e.user_id where u.email = ${shopper.email} and e.action = 'withdrawn'`);
  expect(event).toEqual({ source: "recommendation", method: "suggestion_panel" });
  await context.close();
});
