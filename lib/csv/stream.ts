import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { minorUnitDigits } from "@/lib/money";

/*
 * CSV downloads that stream: rows arrive in batches (a database cursor), go through
 * csv-stringify, and leave as a web ReadableStream, so an export of 100,000 orders never sits
 * in memory. The stringifier's buffer applies back-pressure: when the browser reads slowly,
 * the next batch is not fetched.
 */

/** A column of a CSV export: its header and how to read the cell from a row. */
export type CsvColumn<T> = { header: string; value: (row: T) => string | number | boolean | null | undefined };

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return
 * that some programs skip) gets a leading apostrophe, so "=HYPERLINK(…)" typed into a name
 * field is shown as text instead of being executed (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An amount in minor units as a plain decimal string ("12.50", "1200" for yen), for the currency column beside it. */
export function decimalAmount(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const unit = 10 ** digits;
  return `${sign}${Math.trunc(abs / unit)}.${String(abs % unit).padStart(digits, "0")}`;
}

/** An ISO 8601 timestamp in UTC, which every spreadsheet and script reads. */
export function isoCell(value: Date | string | null | undefined): string {
  return value == null ? "" : new Date(value).toISOString();
}

/** Resolves when the stream wants more, or has been closed (the download was cancelled). */
function drainedOrClosed(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

/** The CSV text of `rows`, produced batch by batch, as a web stream. */
export function csvStream<T>(columns: CsvColumn<T>[], batches: AsyncIterable<T[]>): ReadableStream<Uint8Array> {
  const stringifier = stringify({
    header: true,
    columns: columns.map((c) => c.header),
    // Excel opens UTF-8 CSV correctly only with a byte-order mark.
    bom: true,
    record_delimiter: "windows",
    cast: { string: neutraliseFormula, boolean: (v) => (v ? "yes" : "no"), date: (d) => d.toISOString() },
  });

  async function pump() {
    const iterator = batches[Symbol.asyncIterator]();
    try {
      while (!stringifier.destroyed) {
        const next = await iterator.next();
        if (next.done) break;
        for (const row of next.value) {
          if (stringifier.destroyed) break;
          if (!stringifier.write(columns.map((c) => c.value(row) ?? ""))) await drainedOrClosed(stringifier);
        }
      }
      if (!stringifier.destroyed) stringifier.end();
    } catch (error) {
      console.error("csv export failed part-way", error);
      stringifier.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      // The browser went away (or the export failed): close the cursor and free its connection.
      await iterator.return?.();
    }
  }
  void pump();
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
}

/** "orders-2026-11-23.csv": the export's name and the day it was taken. */
export function datedFilename(name: string, now = new Date()): string {
  return `${name}-${now.toISOString().slice(0, 10)}.csv`;
}

/** The download response for a CSV stream. */
export function csvResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store, private",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
