import { getCampaignProgress } from "@/db/queries/campaign-sending";
import { requirePermission } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";

/** A campaign's live progress, polled by its page every few seconds while it sends. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requirePermission("marketing:read");
    const { id } = await params;
    const progress = await getCampaignProgress(id);
    if (!progress) throw new AppError("not_found", "That campaign does not exist.");
    return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
