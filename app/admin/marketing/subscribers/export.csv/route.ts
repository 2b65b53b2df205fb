import { auditedCsvDownload, checked } from "@/app/admin/exports/download";
import { streamSubscriberList, type SubscriberExportRow } from "@/db/queries/admin-subscribers";
import { hrefWith } from "@/lib/admin/list-params";
import { signedInRecently } from "@/lib/auth/recent-sign-in";
import { requirePermission } from "@/lib/auth/session";
import { isoCell, type CsvColumn } from "@/lib/csv/stream";
import { readSubscriberFilters, searchParamsOf } from "../filters";

const columns: CsvColumn<SubscriberExportRow>[] = [
  { header: "email", value: (r) => r.email },
  { header: "status", value: (r) => r.status },
  { header: "topics", value: (r) => r.topics.join(";") },
  { header: "source", value: (r) => r.source },
  { header: "signed_up_at", value: (r) => isoCell(r.createdAt) },
  { header: "consent_wording_id", value: (r) => r.wordingIds.join(";") },
];

/**
 * GET /admin/marketing/subscribers/export.csv?status=…: the list as filtered on the page,
 * streamed from a database cursor, on record in the audit log (who, when, which filters;
 * never the addresses).
 */
export async function GET(request: Request) {
  const staff = await checked(() => requirePermission("marketing:read"));
  if (staff instanceof Response) return staff;
  const params = searchParamsOf(request.url);
  if (!(await signedInRecently(staff))) {
    // The marketer's own page asks them to confirm (the shared exports page is not theirs).
    return new Response(null, { status: 303, headers: { Location: hrefWith("/admin/marketing/subscribers", params, { confirm: 1 }), "Cache-Control": "no-store" } });
  }
  const filters = readSubscriberFilters(params);
  const described = Object.entries(filters.values)
    .filter(([key, value]) => value && key !== "q")
    .map(([k, v]) => `${k}=${v}`);
  if (filters.values.q) described.push("an address search");
  const label = described.length ? `subscriber list (filtered: ${described.join(", ")})` : "subscriber list";
  return auditedCsvDownload(staff, "subscribers", label, columns, streamSubscriberList(filters));
}
