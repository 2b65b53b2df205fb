import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { z } from "zod";
import { restoreFormulaText } from "@/lib/catalog/csv";
import { newsletterTopics, type NewsletterTopicId } from "@/lib/consent/purposes";
import { shopConfig } from "@/lib/shop-config";

/*
 * The subscriber import file: one row per person, each with the proof of their consent
 * (where they gave it, when, and the exact words they saw). Consent cannot be imported on
 * trust: a row without any of the four is refused, and so is the whole file until it is fixed.
 * Parsing is csv-parse's (streaming); checks that need the database (suppression list, earlier
 * withdrawals) are in db/queries/subscriber-import.ts.
 */

export const subscriberCsvColumns = ["email", "topics", "consent_source", "consent_date", "consent_wording"] as const;
export type SubscriberCsvColumn = (typeof subscriberCsvColumns)[number];

/** The largest file accepted, and the most rows. */
// Under the server actions body limit (next.config.ts, 9 MB): 50,000 rows that each repeat a
// sentence of wording come to about 7 MB.
export const MAX_SUBSCRIBER_IMPORT_BYTES = 8 * 1024 * 1024;
export const MAX_SUBSCRIBER_IMPORT_ROWS = 50_000;

export const TOPIC_SEPARATOR = ";";

export type SubscriberCsvIssue = { row: number; column: SubscriberCsvColumn | "file"; message: string };

/** A row that passed every check the file alone allows. */
export type SubscriberImportRow = {
  /** The file's row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  email: string;
  topics: NewsletterTopicId[];
  /** The ledger's source: "import:<slug of the file's consent_source>". */
  source: string;
  declaredAt: Date;
  wordingId: string;
  wording: string;
};

/** The wording as stored: Unicode NFC, Unix line ends, no surrounding space. */
export function normaliseWording(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** The ledger's id for imported words: a hash of the words themselves, so the id proves the text. */
export function importedWordingId(text: string): string {
  return `imported-${createHash("sha256").update(normaliseWording(text), "utf8").digest("hex").slice(0, 24)}`;
}

/** "Website pop-up (2023)" → "import:website-pop-up-2023". */
export function importedSource(declared: string): string | null {
  const slug = declared
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug ? `import:${slug}` : null;
}

/** A topic as a merchant may write it: its id, its id without "newsletter:", or its label. */
export function findTopic(cell: string): NewsletterTopicId | null {
  const wanted = cell.trim().toLowerCase();
  const topic = newsletterTopics.find((t) => t.id === wanted || t.id.slice("newsletter:".length) === wanted || t.label.toLowerCase() === wanted);
  return topic?.id ?? null;
}

const topicChoices = newsletterTopics.map((t) => `${t.label} (${t.id})`).join(", ");

// One formatter, and each day worked out once: building an Intl.DateTimeFormat per row cost
// ~0.25 ms, 13 s for 50,000 rows.
let shopClock: Intl.DateTimeFormat | undefined;
function shopWallClock(instant: Date): number {
  shopClock ??= new Intl.DateTimeFormat("en-GB", { timeZone: shopConfig.timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const p = Object.fromEntries(shopClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

const dayStarts = new Map<string, number>();

/** The instant a calendar day starts in the shop's time zone (as lib/validations/discount.ts startOfDayIn), remembered: a list repeats its days. */
function startOfShopDay(day: string): Date {
  let start = dayStarts.get(day);
  if (start === undefined) {
    const utcMidnight = new Date(`${day}T00:00:00Z`);
    start = utcMidnight.getTime() - (shopWallClock(utcMidnight) - utcMidnight.getTime());
    if (dayStarts.size > 20_000) dayStarts.clear();
    dayStarts.set(day, start);
  }
  return new Date(start);
}

/**
 * A consent date: "2024-03-15" (that day in the shop's time zone) or a full ISO 8601 time
 * with its offset ("2024-03-15T09:30:00Z"). Never in the future; not before 1990.
 */
export function parseConsentDate(cell: string, now = new Date()): { ok: true; at: Date } | { ok: false; message: string } {
  const value = cell.trim();
  if (!value) return { ok: false, message: "Enter the date the person gave their consent (YYYY-MM-DD)." };
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const time = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  const parts = day ?? time;
  if (!parts) return { ok: false, message: "Write the date as YYYY-MM-DD (ISO 8601), e.g. 2024-03-15." };
  const [, y, m, d] = parts;
  const calendar = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (calendar.getUTCFullYear() !== Number(y) || calendar.getUTCMonth() !== Number(m) - 1 || calendar.getUTCDate() !== Number(d)) {
    return { ok: false, message: `${value} is not a date in the calendar.` };
  }
  const at = day ? startOfShopDay(value) : new Date(value);
  if (Number.isNaN(at.getTime())) return { ok: false, message: "Write the date as YYYY-MM-DD (ISO 8601), e.g. 2024-03-15." };
  // A day is in the future exactly when it starts after now (today started before now).
  if (at.getTime() > now.getTime()) return { ok: false, message: "The consent date is in the future: consent can only be given before it is imported." };
  if (Number(y) < 1990) return { ok: false, message: "The consent date is before 1990; check the date." };
  return { ok: true, at };
}

const emailCell = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address, like name@example.com.").max(254, "This email address is too long."));

/**
 * Every record checked before anything is applied, every problem listed (not just the first).
 */
export function validateSubscriberRecords(header: string[], records: Record<string, string>[], now = new Date()): { ok: true; rows: SubscriberImportRow[] } | { ok: false; issues: SubscriberCsvIssue[]; rows: SubscriberImportRow[] } {
  const issues: SubscriberCsvIssue[] = [];
  for (const column of subscriberCsvColumns) if (!header.includes(column)) issues.push({ row: 1, column, message: "This column is missing from the header." });
  for (const column of header) if (!(subscriberCsvColumns as readonly string[]).includes(column)) issues.push({ row: 1, column: "file", message: `Unknown column “${column}”. The columns are: ${subscriberCsvColumns.join(", ")}.` });
  if (issues.length) return { ok: false, issues, rows: [] };
  if (records.length === 0) return { ok: false, issues: [{ row: 1, column: "file", message: "The file has a header but no rows." }], rows: [] };

  const rows: SubscriberImportRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const problems: SubscriberCsvIssue[] = [];

    const email = emailCell.safeParse(record.email ?? "");
    if (!email.success) problems.push({ row, column: "email", message: (record.email ?? "").trim() ? email.error.issues[0]!.message : "Enter the email address." });
    else if (seen.has(email.data)) problems.push({ row, column: "email", message: `Row ${seen.get(email.data)} already has this address: each person once per file.` });
    else seen.set(email.data, row);

    const topicCells = (record.topics ?? "").split(TOPIC_SEPARATOR).map((t) => t.trim()).filter(Boolean);
    const topics: NewsletterTopicId[] = [];
    if (topicCells.length === 0) problems.push({ row, column: "topics", message: `Name at least one topic the person agreed to: ${topicChoices}.` });
    for (const cell of topicCells) {
      const topic = findTopic(cell);
      if (!topic) problems.push({ row, column: "topics", message: `Unknown topic “${cell}”. Use ${topicChoices}, separated by “${TOPIC_SEPARATOR}”.` });
      else if (!topics.includes(topic)) topics.push(topic);
    }

    const declaredSource = (record.consent_source ?? "").trim();
    const source = importedSource(declaredSource);
    if (!declaredSource) problems.push({ row, column: "consent_source", message: "Enter where the person gave their consent (e.g. website pop-up, market stall sign-up sheet)." });
    else if (declaredSource.length > 100) problems.push({ row, column: "consent_source", message: "At most 100 characters." });
    else if (!source) problems.push({ row, column: "consent_source", message: "Use letters or digits to name where the consent was given." });

    const date = parseConsentDate(record.consent_date ?? "", now);
    if (!date.ok) problems.push({ row, column: "consent_date", message: date.message });

    const wording = normaliseWording(record.consent_wording ?? "");
    if (!wording) problems.push({ row, column: "consent_wording", message: "Enter the exact words the person agreed to (the sign-up form's text)." });
    else if (wording.length > 5000) problems.push({ row, column: "consent_wording", message: "At most 5,000 characters." });

    if (problems.length) issues.push(...problems);
    else if (email.success && source && date.ok) rows.push({ row, email: email.data, topics, source, declaredAt: date.at, wordingId: importedWordingId(wording), wording });
  });
  return issues.length ? { ok: false, issues, rows } : { ok: true, rows };
}

/**
 * Reads an uploaded file (streamed through csv-parse) and validates it. A file that is not
 * CSV, too big or too long is reported, not thrown.
 */
export async function readSubscriberCsv(file: Blob, now = new Date()): Promise<{ ok: true; rows: SubscriberImportRow[] } | { ok: false; issues: SubscriberCsvIssue[]; rows: SubscriberImportRow[] }> {
  const refused = (message: string, row = 0) => ({ ok: false as const, issues: [{ row, column: "file" as const, message }], rows: [] });
  if (file.size === 0) return refused("Choose a CSV file to import.");
  if (file.size > MAX_SUBSCRIBER_IMPORT_BYTES) return refused(`The file is larger than ${MAX_SUBSCRIBER_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
  let header: string[] = [];
  const records: Record<string, string>[] = [];
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      header = names.map((n) => n.trim().toLowerCase());
      return header;
    },
    skip_empty_lines: true,
    trim: false,
    max_record_size: 64 * 1024,
  });
  try {
    const source = Readable.fromWeb(file.stream() as import("node:stream/web").ReadableStream<Uint8Array>);
    for await (const record of source.pipe(parser)) {
      records.push(Object.fromEntries(Object.entries(record as Record<string, string>).map(([k, v]) => [k, restoreFormulaText(v)])));
      if (records.length > MAX_SUBSCRIBER_IMPORT_ROWS) return refused(`At most ${MAX_SUBSCRIBER_IMPORT_ROWS.toLocaleString("en-GB")} rows per import. Split the file.`);
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refused(`This is not a CSV file we can read${line ? ` (problem on line ${line})` : ""}. Export it again as CSV (UTF-8) with the columns ${subscriberCsvColumns.join(", ")}.`, line ?? 0);
  }
  return validateSubscriberRecords(header, records, now);
}
