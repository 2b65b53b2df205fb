import { getTrackedLink } from "@/db/queries/tracked-links";
import { requirePermission } from "@/lib/auth/session";
import { siteUrl } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { qrDownloadHeaders, qrSvg } from "@/lib/links/qr";
import { shortUrl } from "@/lib/links/tracked-links";

/** The link's QR code as SVG, for print and design tools. It encodes the short URL, so scans are counted like clicks. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("marketing:read");
    const { id } = await params;
    const link = /^[1-9]\d{0,9}$/.test(id) ? await getTrackedLink(Number(id)) : null;
    if (!link) throw new AppError("not_found", "That link does not exist.");
    const body = await qrSvg(shortUrl(siteUrl(), link.slug));
    return new Response(body, { headers: qrDownloadHeaders(link.slug, "svg") });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
