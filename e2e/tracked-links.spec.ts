import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { baseURL } from "../playwright.config";
import { signedInAs } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { query } from "./support/database";

/*
 * Tracked short links: a marketer builds one with the UTM builder and takes its QR code; a
 * visitor following it lands on the shop with the campaign labels and is counted once; a
 * crawler and a browser that sends Sec-GPC are forwarded but not counted; an unknown slug is
 * the shop's 404; staff cannot open the links admin.
 */

const MARKETER = "marketer@emberandoak.example";
/** A desktop browser; the tag makes each test its own visitor (a visitor is address + user agent). */
const browserAgent = (tag: string) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 e2e-${tag}`;
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

async function clicksOn(slug: string): Promise<number> {
  const [row] = await query((sql) => sql`select count(c.id)::int as n from tracked_links l left join link_clicks c on c.link_id = l.id where l.slug = ${slug} group by l.id`);
  return (row?.n as number | undefined) ?? 0;
}

/** Follows a short link without following the redirect, as a script or a crawler would. */
function hit(request: APIRequestContext, slug: string, headers: Record<string, string>) {
  return request.get(`/go/${slug}`, { headers, maxRedirects: 0 });
}

test("a marketer builds a short link, takes its QR code, and a visitor following it is counted once", async ({ browser }) => {
  test.setTimeout(60_000);
  const tag = randomUUID().slice(0, 8);
  const slug = `e2e-${tag}`;
  const { context, page } = await signedInAs(browser, MARKETER);

  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Short links" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Short links" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/go/oak-candle-reel" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "New short link" }).click();

  // Sent empty: every missing field says so, and nothing is created.
  const form = page.getByRole("form", { name: "New short link" });
  await form.getByLabel("Medium", { exact: true }).fill("");
  await form.getByRole("button", { name: "Create short link" }).click();
  await expect(form.getByText("Choose where the link goes.")).toBeVisible();
  await expect(form.getByText("Say where the link will be posted, e.g. instagram.")).toBeVisible();
  await expect(form.getByText("Name the campaign, e.g. autumn-candles.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Another site is refused as a typed destination.
  await form.getByLabel("Destination", { exact: true }).selectOption({ label: "Another page of the shop (type its path)…" });
  await form.getByLabel("Path on the shop", { exact: true }).fill("//evil.example/login");
  await expect(page.getByTestId("preview-forward-url")).toHaveText("Short links only go to pages of this shop, never to another site.");
  await form.getByLabel("Destination", { exact: true }).selectOption({ label: "Smoked oak candle" });
  await form.getByLabel("Source", { exact: true }).fill("instagram");
  await form.getByLabel("Campaign", { exact: true }).fill(`E2E ${tag}`);
  await form.getByRole("textbox", { name: "Content" }).fill("reel-1");
  await form.getByRole("textbox", { name: "Label" }).fill(`Reel ${tag}`);
  // The slug follows the campaign; the preview follows everything.
  await expect(form.getByLabel("Slug", { exact: true })).toHaveValue(slug);
  await expect(page.getByTestId("preview-short-url")).toHaveText(`${baseURL}/go/${slug}`);
  await expect(page.getByTestId("preview-forward-url")).toHaveText(
    `${baseURL}/products/smoked-oak-candle?utm_source=instagram&utm_medium=social&utm_campaign=E2E+${tag}&utm_content=reel-1`,
  );
  await form.getByRole("button", { name: "Create short link" }).click();

  await expect(page).toHaveURL(/\/admin\/marketing\/links\/\d+\?created=1$/);
  await expect(page.getByRole("heading", { level: 1, name: `/go/${slug}` })).toBeVisible();
  await expect(page.getByTestId("short-url")).toHaveText(`${baseURL}/go/${slug}`);
  await expect(page.getByRole("img", { name: `QR code for ${baseURL}/go/${slug}` })).toBeVisible();
  await expect(page.getByTestId("link-clicks")).toHaveText("0 in the last 30 days, 0 in all");
  expect(await seriousViolations(page)).toEqual([]);

  // The QR code, as PNG and SVG downloads made by the shop.
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PNG" }).click()]);
  expect(png.suggestedFilename()).toBe(`go-${slug}.png`);
  const image = await sharp(await readFile((await png.path())!)).metadata();
  expect(image).toMatchObject({ format: "png", width: 1024, height: 1024 });
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download SVG" }).click()]);
  expect(svg.suggestedFilename()).toBe(`go-${slug}.svg`);
  expect(await readFile((await svg.path())!, "utf8")).toMatch(/<svg[^>]*viewBox/);
  const pngHref = await page.getByRole("link", { name: "Download PNG" }).getAttribute("href");
  const svgHref = await page.getByRole("link", { name: "Download SVG" }).getAttribute("href");
  expect((await page.request.get(pngHref!)).headers()).toMatchObject({ "content-type": "image/png", "content-disposition": `attachment; filename="go-${slug}.png"` });
  expect((await page.request.get(svgHref!)).headers()["content-type"]).toMatch(/^image\/svg\+xml/);

  // An anonymous visitor follows the link from the post.
  const visitor = await browser.newContext({ userAgent: browserAgent(tag) });
  const shopper = await visitor.newPage();
  await shopper.goto(`/go/${slug}`);
  await expect(shopper.getByRole("heading", { level: 1, name: "Smoked oak candle" })).toBeVisible();
  const landed = new URL(shopper.url());
  expect(landed.pathname).toBe("/products/smoked-oak-candle");
  expect(Object.fromEntries(landed.searchParams)).toEqual({ utm_source: "instagram", utm_medium: "social", utm_campaign: `E2E ${tag}`, utm_content: "reel-1" });
  const landing = (await visitor.cookies()).find((c) => c.name === "hearth_from");
  expect(landing).toMatchObject({ httpOnly: true, expires: -1 });
  expect(decodeURIComponent(landing!.value)).toContain("s=instagram");
  await expect.poll(() => clicksOn(slug), { timeout: 10_000 }).toBe(1);

  // Following it again within the hour is the same visit.
  await shopper.goto(`/go/${slug}`);
  await expect(shopper).toHaveURL(/\/products\/smoked-oak-candle\?/);
  await shopper.waitForTimeout(2_500);
  expect(await clicksOn(slug)).toBe(1);
  await visitor.close();

  await page.reload();
  await expect(page.getByTestId("link-clicks")).toHaveText("1 in the last 30 days, 1 in all");
  await page.getByRole("link", { name: "← Short links" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `/go/${slug}` }) });
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await context.close();
});

test("a crawler is forwarded but not counted", async ({ request }) => {
  const tag = randomUUID().slice(0, 8);
  const before = await clicksOn("bio");
  const crawled = await hit(request, "bio", { "user-agent": GOOGLEBOT });
  expect(crawled.status()).toBe(302);
  expect(crawled.headers()["location"]).toBe(`${baseURL}/links?utm_source=instagram&utm_medium=social&utm_campaign=bio`);
  expect(crawled.headers()["cache-control"]).toBe("no-store");
  // A person after it: once their click is written, the crawler's (sent first) would have been too.
  expect((await hit(request, "bio", { "user-agent": browserAgent(tag) })).status()).toBe(302);
  await expect.poll(() => clicksOn("bio"), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 1);
  expect(await clicksOn("bio")).toBe(before + 1);
});

test("a browser that sends Sec-GPC is forwarded, not counted, and gets no cookie", async ({ request }) => {
  const tag = randomUUID().slice(0, 8);
  const before = await clicksOn("oak-candle-reel");
  const private_ = await hit(request, "oak-candle-reel", { "user-agent": browserAgent(`gpc-${tag}`), "sec-gpc": "1" });
  expect(private_.status()).toBe(302);
  expect(new URL(private_.headers()["location"]!).searchParams.get("utm_campaign")).toBe("oak-candle-reel");
  expect(private_.headers()["set-cookie"]).toBeUndefined();
  const counted = await hit(request, "oak-candle-reel", { "user-agent": browserAgent(tag) });
  expect(counted.headers()["set-cookie"]).toContain("hearth_from=");
  await expect.poll(() => clicksOn("oak-candle-reel"), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 1);
  expect(await clicksOn("oak-candle-reel")).toBe(before + 1);
});

test("an unknown or malformed short link is the shop's own 404 page", async ({ page }) => {
  for (const path of ["/go/no-such-link-anywhere", "/go/Not_A_Slug!", "/go/bio/extra", "/go"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  }
});

test("staff cannot open the short links admin", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "staff@emberandoak.example");
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Short links" })).toHaveCount(0);
  const [link] = await query((sql) => sql`select id from tracked_links where slug = 'bio'`);
  for (const path of ["/admin/marketing/links", "/admin/marketing/links/new", `/admin/marketing/links/${link!.id}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  }
  expect((await page.request.get(`/admin/marketing/links/${link!.id}/qr.png`)).status()).toBe(403);
  await context.close();
});
