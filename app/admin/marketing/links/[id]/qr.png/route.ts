import { getTrackedLink } from "@/db/queries/tracked-links";
import { requirePermission } from "@/lib/auth/session";
import { siteUrl } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { qrDownloadHeaders, qrPng } from "@/lib/links/qr";
import { shortUrl } from "@/lib/links/tracked-links";

/** The link's QR code as PNG (1024 px), for posts and stories. It encodes the short URL, so scans are counted like clicks. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("marketing:read");
    const { id } = await params;
    const link = /^[1-9]\d{0,9}$/.test(id) ? await getTrackedLink(Number(id)) : null;
    if (!link) throw new AppError("not_found", "That link does not exist.");
    const body = await qrPng(shortUrl(siteUrl(), link.slug));
    return new Response(new Uint8Array(body), { headers: qrDownloadHeaders(link.slug, "png") });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
