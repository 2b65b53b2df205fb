/**
 * Whether a server action's arguments, as React's client encodes them in the multipart part
 * "0", are ones Hearth's forms can send. React's decoder on the server (decodeReply) throws on
 * anything it cannot resolve — unreadable JSON, a reference to a part that is not there, a
 * Map, Set, Blob, stream or server reference built from nothing, nesting deep enough to
 * exhaust the stack — and Next.js answers each with a 500. Hearth's actions are only ever
 * called as `action(previousState, formData)` or `action(formData)`, with a previous state
 * that is plain data (an ActionResult), so anything else is refused before Next.js reads it.
 *
 * Allowed: a JSON array, at most MAX_DEPTH deep, whose strings that start with "$" are
 * React's escapes for plain values: "$$…" (a string that starts with $), "$undefined",
 * "$K<n>" (a FormData), "$D<date>", "$n<digits>" (a bigint), "$-0", "$NaN", "$Infinity",
 * "$-Infinity".
 */
export const MAX_ACTION_ARGUMENT_DEPTH = 32;

const PLAIN_REFERENCE = /^\$(?:\$|undefined$|K\d+$|D|n-?\d{1,400}$|-0$|NaN$|Infinity$|-Infinity$)/;

export function isReadableActionArguments(encoded: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(encoded);
  } catch {
    return false;
  }
  return Array.isArray(value) && isPlain(value, 0);
}

function isPlain(value: unknown, depth: number): boolean {
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_REFERENCE.test(value);
  if (value === null || typeof value !== "object") return true;
  if (depth >= MAX_ACTION_ARGUMENT_DEPTH) return false;
  // Keys are not decoded by React, only values.
  return (Array.isArray(value) ? value : Object.values(value)).every((item) => isPlain(item, depth + 1));
}
