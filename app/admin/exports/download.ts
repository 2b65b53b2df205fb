import { recordAuditEntries } from "@/db/queries/audit";
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
 * A CSV download of personal or business data: on record in the audit log (who took which
 * export, when; never the rows themselves), then streamed.
 */
export async function auditedCsvDownload<T>(staff: SessionUser, name: string, label: string, columns: CsvColumn<T>[], batches: AsyncIterable<T[]>): Promise<Response> {
  const filename = datedFilename(name);
  await recordAuditEntries(staff, [{ action: "export.download", entityType: "export", entityId: name, summary: `Downloaded the ${label} CSV (${filename})` }]);
  return csvResponse(csvStream(columns, batches), filename);
}
