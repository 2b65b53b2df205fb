import { recordAuditEntries } from "@/db/queries/audit";
import { signedInRecently } from "@/lib/auth/recent-sign-in";
import type { SessionUser } from "@/lib/auth/session";
import { csvResponse, csvStream, datedFilename, type CsvColumn } from "@/lib/csv/stream";
import { AppError, errorResponse } from "@/lib/errors";

/** Answers a refused caller (401/403) with the JSON every route handler uses. */
export async function checked(check: () => Promise<SessionUser>): Promise<SessionUser | Response> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}

/**
 * A CSV download of personal or business data: only after a recent sign-in (the whole customer
 * list must not be one click away at an unlocked computer; /admin/exports offers the "confirm
 * it's you" link), on record in the audit log (who took which export, when; never the rows
 * themselves), then streamed.
 */
export async function auditedCsvDownload<T>(staff: SessionUser, name: string, label: string, columns: CsvColumn<T>[], batches: AsyncIterable<T[]>): Promise<Response> {
  if (!(await signedInRecently(staff))) {
    return new Response(null, { status: 303, headers: { Location: "/admin/exports?confirm=1", "Cache-Control": "no-store" } });
  }
  const filename = datedFilename(name);
  await recordAuditEntries(staff, [{ action: "export.download", entityType: "export", entityId: name, summary: `Downloaded the ${label} CSV (${filename})` }]);
  return csvResponse(csvStream(columns, batches), filename);
}
