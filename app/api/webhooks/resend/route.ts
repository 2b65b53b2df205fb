import { getEnv } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { receiveResendWebhook } from "@/lib/email/webhooks";

/**
 * Resend's delivery reports (Resend dashboard → Webhooks, pointed at
 * https://<shop>/api/webhooks/resend, with email.delivered, email.delivery_delayed,
 * email.bounced and email.complained). Signed with RESEND_WEBHOOK_SECRET; a hard bounce or a
 * spam complaint stops all marketing to the address at once (lib/email/webhooks.ts).
 */
export async function POST(request: Request) {
  const secret = getEnv().RESEND_WEBHOOK_SECRET;
  if (!secret) return errorResponse(new AppError("not_found", "The email provider's webhook is not enabled on this shop."));
  const { status, body } = await receiveResendWebhook(request, secret);
  return Response.json(body, { status });
}
