import { recordAuditEntries } from "@/db/queries/audit";
import { exportPersonalData } from "@/db/queries/privacy";
import { signedInRecently } from "@/lib/auth/recent-sign-in";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { personalDataResponse } from "@/lib/privacy/export-file";

/**
 * A customer's data, for a staff member answering the customer's request: the privacy centre's
 * export, as the same JSON file. A download cannot show a form, so a sign-in that is not
 * recent is sent back to the customer's page, which offers the "confirm it's you" link.
 * The download is on record in the audit log, by customer id only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let staff: SessionUser;
  try {
    staff = await requirePermission("customers:export");
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
  const { id } = await params;
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return errorResponse(new AppError("not_found", "There is no such customer."));
  if (!(await signedInRecently(staff))) {
    return new Response(null, { status: 303, headers: { Location: `/admin/customers/${id}?confirm=1#requests-heading`, "Cache-Control": "no-store" } });
  }
  const data = await exportPersonalData(id);
  // Staff accounts are not customers: their data is not exported from here.
  if (!data || data.profile.role !== "customer") return errorResponse(new AppError("not_found", "There is no such customer."));
  await recordAuditEntries(staff, [
    { action: "customer.export", entityType: "customer", entityId: id, summary: `Downloaded customer ${id}'s data on request (privacy-centre export)` },
  ]);
  return personalDataResponse(data, `customer-${id}`);
}
