import { streamOrderLines } from "@/db/queries/exports";
import { requirePermission } from "@/lib/auth/session";
import { orderLineColumns } from "../columns";
import { auditedCsvDownload, checked } from "../download";

/** GET /admin/exports/order-lines.csv: every row, streamed from a database cursor. */
export async function GET() {
  const staff = await checked(() => requirePermission("exports:read"));
  if (staff instanceof Response) return staff;
  return auditedCsvDownload(staff, "order-lines", "order lines", orderLineColumns, streamOrderLines());
}
