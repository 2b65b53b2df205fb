import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { renderEmail } from "@/lib/email/render";
import { AppError, errorResponse } from "@/lib/errors";
import { campaignEmailFor, sampleRecipient } from "@/lib/marketing/campaign-email";
import { campaignPreviewSchema } from "@/lib/validations/campaign";

/** A draft is at most ~50,000 characters of Markdown plus a subject and preheader. */
const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * The compose page's live preview: the draft as posted (JSON), rendered by the same function
 * and template as the real send, for a sample recipient. Answers the HTML and the plain-text
 * part; the page shows the HTML in a sandboxed iframe, never in its own document.
 */
export async function POST(request: Request) {
  try {
    await requirePermission("marketing:read");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_REQUEST_BYTES) throw new AppError("invalid", "This draft is too long to preview.");
    const raw = await request.text();
    if (raw.length > MAX_REQUEST_BYTES) throw new AppError("invalid", "This draft is too long to preview.");
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError("invalid", "The preview request could not be read.");
    }
    const parsed = campaignPreviewSchema.safeParse(json);
    if (!parsed.success) throw new AppError("invalid", "Please check the highlighted fields.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    const email = campaignEmailFor({ campaign: parsed.data, recipient: sampleRecipient() });
    const { html, text } = await renderEmail(email.react);
    return Response.json({ subject: email.subject, html, text }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
