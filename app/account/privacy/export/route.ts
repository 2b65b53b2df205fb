import { exportPersonalData } from "@/db/queries/privacy";
import { getSessionUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { personalDataResponse } from "@/lib/privacy/export-file";

/** The person's own data as a JSON download; only ever the signed-in person's. */
export async function GET() {
  const user = await getSessionUser();
  if (!user) return errorResponse(new AppError("unauthorized", "Sign in to download your data."));
  const data = await exportPersonalData(user.id);
  if (!data) return errorResponse(new AppError("not_found", "This account no longer exists."));
  return personalDataResponse(data, "my-data");
}
