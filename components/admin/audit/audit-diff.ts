/** One changed field of an audit entry, each side as short readable text. */
export type FieldChange = { field: string; before: string | null; after: string | null };

const MAX = 80;

function text(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return "—";
  if (value === "") return "(empty)";
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return shown.length > MAX ? `${shown.slice(0, MAX - 1)}…` : shown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An audit entry's before/after as a compact list of fields: the fields either side names, with
 * unchanged ones left out. A side that is not an object (a number, a list) is one field, "value".
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (before == null && after == null) return [];
  const was = isRecord(before) ? before : before == null ? {} : { value: before };
  const now = isRecord(after) ? after : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]))
    .map((field) => ({ field, before: text(was[field]), after: text(now[field]) }));
}

/** The admin page of a record, where one exists. */
export function auditRecordHref(entityType: string, entityId: string): string | null {
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case "product":
      return `/admin/products/${id}`;
    case "order":
      return `/admin/orders/${id}`;
    case "customer":
    case "user":
      return `/admin/customers/${id}`;
    case "discount":
    case "discount_code":
      return `/admin/discounts/${id}`;
    case "settings":
      return "/admin/settings";
    default:
      return null;
  }
}
