import themeSource from "@/app/theme.css?raw";
import { readSubscriberToken } from "@/lib/newsletter/links";
import { unsubscribeByToken } from "@/lib/newsletter/unsubscribe";
import { TOKEN_LIMIT_MESSAGE, tokenLimitResponse } from "@/lib/privacy/rate-limit";
import { getCachedShopSettings } from "@/lib/settings/cached";
import { shopConfig } from "@/lib/shop-config";
import { standaloneStylesheet } from "./standalone-page";

/*
 * One-click unsubscribe (RFC 8058). Mail apps POST `List-Unsubscribe=One-Click` to the URL in
 * the List-Unsubscribe header, with no cookies and no session; the answer is a 200 with no
 * redirect. The unsubscribe page's own button posts here too (with from=page), so it works
 * without JavaScript. proxy.ts routes POST /unsubscribe/<token> here.
 */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const stylesheet = standaloneStylesheet(themeSource);

function page(status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${escapeHtml(shopConfig.name)}</title>
<style>${stylesheet}</style></head>
<body><main><a class="brand" href="/">${escapeHtml(shopConfig.name)}</a><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let form: URLSearchParams | FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    form = type.includes("multipart/form-data") ? await request.formData() : new URLSearchParams(await request.text());
  } catch {
    return page(400, "That request was not understood", "<p>Nothing was changed.</p>");
  }
  if (form.get("List-Unsubscribe") !== "One-Click") {
    return page(400, "That request was not understood", "<p>An unsubscribe request must say <code>List-Unsubscribe=One-Click</code>. Nothing was changed.</p>");
  }
  // Failed token checks count per client; over the limit nothing is changed, valid or not.
  const limited = await tokenLimitResponse(readSubscriberToken("unsubscribe", token) !== null, request.headers);
  if (limited) {
    const answer = page(429, "Too many links that did not work", `<p>${escapeHtml(TOKEN_LIMIT_MESSAGE)} Nothing was changed.</p>`);
    answer.headers.set("Retry-After", limited.headers.get("Retry-After")!);
    return answer;
  }
  const fromPage = form.get("from") === "page";
  const result = await unsubscribeByToken(token, fromPage ? { source: "email-link", method: "unsubscribe_page" } : { source: "email-header", method: "unsubscribe_header" });
  if (!result) {
    return page(404, "This unsubscribe link is not valid", "<p>It may be incomplete, or it was not sent by us. Nothing was changed. If you keep getting emails you did not ask for, write to us at " + escapeHtml((await getCachedShopSettings()).contactEmail) + ".</p>");
  }
  return page(
    200,
    "You are unsubscribed",
    `<p>${escapeHtml(result.email)} will get no more newsletters from us. Emails about orders you place still arrive.</p><p><a href="/">Back to the shop</a></p>`,
  );
}
