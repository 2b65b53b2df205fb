import { countCampaignClick, recordRecipientClick } from "@/db/queries/campaign-stats";
import { readTrackedLink } from "@/lib/marketing/click-links";
import { tokenLimitResponse } from "@/lib/privacy/rate-limit";

/*
 * A link from a campaign email: counts one click for that campaign and link (no cookie, no
 * address; the reader only when the shop turned individual click tracking on, and the link was
 * signed for them) and forwards to where the link pointed. Only links the shop signed are
 * followed; anything else is a 404, so this is not an open redirect.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = readTrackedLink(token);
  // Failed link checks count per client; over the limit nothing is counted or followed.
  const limited = await tokenLimitResponse(link !== null, request.headers);
  if (limited) return limited;
  if (!link) return new Response("This link is not valid.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  try {
    await countCampaignClick(link.campaignId, link.url);
    if (link.recipientId !== null) await recordRecipientClick(link.campaignId, link.recipientId);
  } catch (error) {
    // A click that could not be counted still takes the reader where they wanted to go.
    console.error("Campaign click not counted:", error instanceof Error ? error.message : error);
  }
  return new Response(null, { status: 302, headers: { Location: link.url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}
