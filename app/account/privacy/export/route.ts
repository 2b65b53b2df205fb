import { exportPersonalData } from "@/db/queries/privacy";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { shopConfig } from "@/lib/shop-config";

/** The person's own data as a JSON download; only ever the signed-in person's. */
export async function GET() {
  const user = await getSessionUser();
  if (!user) return errorResponse(new AppError("unauthorized", "Sign in to download your data."));
  const data = await exportPersonalData(user.id);
  if (!data) return errorResponse(new AppError("not_found", "This account no longer exists."));
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), shop: shopConfig.name, format: "hearth-personal-data/1", ...data }, null, 2);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${date}.json"`,
      "Cache-Control": "no-store, private",
    },
  });
}
