import { expect, test } from "@playwright/test";

const pages = ["/", "/collections/ceramics", "/products/everyday-mug", "/search?q=linen"];

for (const url of pages) {
  test(`every request from ${url} goes to the shop's own origin`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: "networkidle" });
    // Scroll to the bottom so lazy images load too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    expect(requests.length).toBeGreaterThan(1);
    const foreign = requests.filter((r) => !r.startsWith(origin) && !r.startsWith("data:"));
    expect(foreign).toEqual([]);
  });
}

test("browsing sets no cookies", async ({ page, context }) => {
  for (const url of pages) await page.goto(url);
  expect(await context.cookies()).toEqual([]);
});
