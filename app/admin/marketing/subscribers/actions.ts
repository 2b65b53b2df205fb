"use server";

import { z } from "zod";
import { applySubscriberImport, findImportConflicts, type ImportOutcome } from "@/db/queries/subscriber-import";
import { adminAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { readSubscriberCsv, type SubscriberCsvIssue } from "@/lib/marketing/subscriber-csv";

export type SubscriberImportReport = ImportOutcome & { rows: number };

const importSchema = z.object({ file: z.instanceof(Blob, { error: "Choose a CSV file to import." }) });

/** An import refused row by row: the report travels in the error's fields, keyed "row:column". */
class ImportRefused extends AppError {
  constructor(issues: SubscriberCsvIssue[]) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of issues.slice(0, 500)) (fieldErrors[`${issue.row}:${issue.column}`] ??= []).push(issue.message);
    const more = issues.length > 500 ? ` The first 500 are listed.` : "";
    super("invalid", `Nothing was imported: ${issues.length === 1 ? "1 problem was" : `${issues.length} problems were`} found. Fix ${issues.length === 1 ? "it" : "them"} in the file and import it again.${more}`, fieldErrors);
  }
}

/**
 * Every row is checked (the file alone, then the suppression list and earlier withdrawals)
 * before anything is written; one problem and nothing is applied. The audit entry holds
 * counts only: addresses never go into the audit log.
 */
export const importSubscribersAction = adminAction("marketing:write", importSchema, async (input, { tx }) => {
  const read = await readSubscriberCsv(input.file);
  // The database checks run on the rows that passed the file's own checks, so one upload
  // reports every problem, not the file's first and then the list's.
  const conflicts = await findImportConflicts(tx, read.rows);
  const issues = [...(read.ok ? [] : read.issues), ...conflicts].sort((a, b) => a.row - b.row);
  if (issues.length) throw new ImportRefused(issues);
  const outcome = await applySubscriberImport(tx, read.rows);
  const rows = read.rows.length;
  return {
    data: { ...outcome, rows } satisfies SubscriberImportReport,
    audit: {
      action: "subscriber.import",
      entityType: "subscriber",
      entityId: "csv",
      summary: `Imported ${rows} CSV rows with declared consent: ${outcome.added} subscribers added, ${outcome.updated} updated, ${outcome.unchanged} unchanged`,
      after: { ...outcome, rows },
    },
    message: "Import applied.",
  };
});
