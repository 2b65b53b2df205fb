import { streamCustomers } from "@/db/queries/exports";
import { requirePermission } from "@/lib/auth/session";
import { shopConfig } from "@/lib/shop-config";
import { customerColumns } from "../columns";
import { auditedCsvDownload, checked } from "../download";

/** GET /admin/exports/customers.csv: every row, streamed from a database cursor. */
export async function GET() {
  const staff = await checked(() => requirePermission("exports:read"));
  if (staff instanceof Response) return staff;
  return auditedCsvDownload(staff, "customers", "customers", customerColumns, streamCustomers(shopConfig.currency));
}
