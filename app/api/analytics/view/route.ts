import { countableVisitor, recordPageView } from "@/lib/analytics/collector";
import { countedPath } from "@/lib/analytics/visitor";

/**
 * The page-view beacon's endpoint (components/analytics/page-view-beacon.tsx): a path from the
 * shop's own pages after an in-app navigation. Answers 204 whether or not the view was
 * counted (a bot, Sec-GPC or DNT), so the answer tells a client nothing.
 */
export async function POST(request: Request) {
  if (request.headers.get("sec-fetch-site") !== null && request.headers.get("sec-fetch-site") !== "same-origin") {
    return Response.json({ error: { code: "forbidden", message: "Page views come from the shop's own pages." } }, { status: 403 });
  }
  const body = (await request.text()).slice(0, 1000);
  const path = countedPath(body.trim());
  if (body.length >= 1000 || !body.startsWith("/")) return Response.json({ error: { code: "invalid", message: "Send the page's path." } }, { status: 400 });
  if (path !== null) {
    const visitor = await countableVisitor(request.headers);
    if (visitor) recordPageView(visitor, path, new URLSearchParams(), null);
  }
  return new Response(null, { status: 204 });
}
