import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { secondBaseURL } from "../playwright.config";
import { signedInAs } from "./support/auth";
import { query } from "./support/database";

/**
 * Two app servers on one database (scripts/e2e-server.ts starts the second), each with its own
 * in-memory page cache: a change saved through the first is on the second's pages within a
 * second (lib/cache/shared-tags.mjs). The figure printed is the time from the save's answer.
 */

async function secondServerUp(request: APIRequestContext) {
  await expect.poll(async () => (await request.get(`${secondBaseURL}/api/health`).catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
}

/** Milliseconds until every path on the second server contains `text`, or null after 5 s. */
async function visibleOnSecond(request: APIRequestContext, paths: string[], text: string): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < 5000) {
    const bodies = await Promise.all(paths.map(async (path) => (await request.get(secondBaseURL + path)).text()));
    if (bodies.every((body) => body.includes(text))) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  return null;
}

test("a price saved on one app server is on the other server's product and search pages within a second", async ({ browser, request }) => {
  await secondServerUp(request);
  const word = `jug${randomUUID().slice(0, 8)}`;
  const slug = `shared-cache-${word}`;
  const [product] = await query(
    (sql) => sql`insert into products (slug, title, status, option_names) values (${slug}, ${`Shared cache ${word}`}, 'published', '[]') returning id`,
  );
  await query((sql) => sql`insert into product_variants (product_id, sku, price_amount, currency, stock) values (${product!.id}, ${slug.toUpperCase()}, 2000, 'GBP', 5)`);
  const paths = [`/products/${slug}`, `/search?q=${word}`];

  // The second server has both pages in its cache, with the old price.
  expect(await visibleOnSecond(request, paths, "£20.00")).not.toBeNull();
  for (const path of paths) expect(await (await request.get(secondBaseURL + path)).text()).not.toContain("£23.45");

  const { context, page } = await signedInAs(browser, "admin@emberandoak.example");
  await page.goto(`/admin/products/${product!.id}`);
  await page.getByRole("listitem", { name: "Variant 1" }).getByLabel("Price (GBP)").fill("23.45");
  await page.getByRole("button", { name: "Save product" }).click();
  await expect(page.getByText("Product saved. The shop shows the change now.").first()).toBeVisible();

  const took = await visibleOnSecond(request, paths, "£23.45");
  console.log(`price visible on the second app server after ${took} ms`);
  expect(took, "the new price is on the second server's pages").not.toBeNull();
  expect(took!).toBeLessThanOrEqual(1000);
  // And on the first, which made the change.
  expect(await (await request.get(`/products/${slug}`)).text()).toContain("£23.45");
  await context.close();
});

test("a link added to the link page on one app server is on the other server's /links within a second", async ({ browser, request }) => {
  await secondServerUp(request);
  const label = `Shared cache ${randomUUID().slice(0, 8)}`;
  expect(await visibleOnSecond(request, ["/links"], "</html>")).not.toBeNull();

  const { context, page } = await signedInAs(browser, "marketer@emberandoak.example");
  await page.goto("/admin/marketing/link-page");
  const add = page.getByRole("form", { name: "Add a link" });
  await add.getByRole("radio", { name: "Another address" }).check();
  await add.getByRole("textbox", { name: "Address" }).fill("/privacy");
  await add.getByRole("textbox", { name: /^Label/ }).fill(label);
  await add.getByRole("button", { name: "Add link" }).click();
  const list = page.getByRole("list", { name: "Featured links, in order" });
  await expect(list).toContainText(label);

  const took = await visibleOnSecond(request, ["/links"], label);
  console.log(`link visible on the second app server after ${took} ms`);
  expect(took, "the new link is on the second server's /links").not.toBeNull();
  expect(took!).toBeLessThanOrEqual(1000);

  // Removed again, so other tests see the page as it was.
  await list.getByRole("button", { name: `Remove “${label}”` }).click();
  await expect(list.getByRole("button", { name: `Remove “${label}”` })).toHaveCount(0);
  await context.close();
});
