import { streamSubscribers } from "@/db/queries/exports";
import { requirePermission } from "@/lib/auth/session";
import { newsletterTopicIds } from "@/lib/consent/purposes";
import { subscriberColumns } from "../columns";
import { auditedCsvDownload, checked } from "../download";

/** GET /admin/exports/subscribers.csv: every row, streamed from a database cursor. */
export async function GET() {
  const staff = await checked(() => requirePermission("exports:read"));
  if (staff instanceof Response) return staff;
  return auditedCsvDownload(staff, "newsletter-subscribers", "newsletter subscribers", subscriberColumns, streamSubscribers(newsletterTopicIds));
}
