import { z } from "zod";
import { countAudience } from "@/db/queries/audience";
import { requirePermission } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { AppError, errorResponse } from "@/lib/errors";
import { segmentCountQuerySchema } from "@/lib/validations/segment";

/**
 * The segment editor's live count: how many people the rules in the query string would reach
 * today, for each newsletter topic (or the one named by ?topic=). The same audience query as
 * the send, so consent and the suppression list apply; nothing about the people is returned.
 */
export async function GET(request: Request) {
  try {
    await requirePermission("marketing:read");
    const params = new URL(request.url).searchParams;
    const parsed = segmentCountQuerySchema.safeParse({
      topic: params.get("topic") || undefined,
      topics: params.getAll("topics"),
      sources: params.getAll("sources"),
      otherSources: params.get("otherSources") ?? undefined,
      signedUpFrom: params.get("signedUpFrom") ?? undefined,
      signedUpTo: params.get("signedUpTo") ?? undefined,
      purchase: params.get("purchase") || undefined,
      purchaseDays: params.get("purchaseDays") ?? undefined,
      purchaseCollectionId: params.get("purchaseCollectionId") ?? undefined,
    });
    if (!parsed.success) {
      throw new AppError("invalid", "These rules cannot be counted yet.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    }
    const { topic, rules } = parsed.data;
    const topics = newsletterTopics.filter((t) => !topic || t.id === topic);
    const counts = await Promise.all(topics.map(async (t) => ({ topic: t.id, label: t.label, count: await countAudience(t.id, rules) })));
    return Response.json({ counts }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
