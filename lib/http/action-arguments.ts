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

/**
 * Whether a form has a part whose header Next.js's multipart parser (busboy) refuses, after the
 * looser parser of the proxy has read it: a control character in a field or file name (HTTP
 * header values allow tab, printable ASCII and bytes over 0x7F only), or names too long for
 * its 16 KB header limit. Next.js answers those with a 500.
 */
export function hasUnreadablePartHeader(form: FormData): boolean {
  for (const [name, value] of form) {
    const filename = typeof value === "string" ? "" : value.name;
    if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(name + filename)) return true;
    if (new TextEncoder().encode(name + filename).length > 8_192) return true;
  }
  return false;
}

/**
 * Whether the bound arguments of a form posted without JavaScript (React's useActionState
 * form: `$ACTION_REF_<p>`, with `$ACTION_<p>:0` = {"id", "bound"} and the bound values in
 * `$ACTION_<p>:<n>` when "bound" is "$@<n>") are ones React's decoder can read; the same rules
 * as isReadableActionArguments.
 */
export function isReadableBoundForm(form: FormData, prefix: string): boolean {
  const part = (n: string) => form.get(`$ACTION_${prefix}:${n}`);
  const description = part("0");
  let bound: unknown;
  try {
    const parsed = JSON.parse(typeof description === "string" ? description : "") as { id?: unknown; bound?: unknown };
    if (typeof parsed.id !== "string") return false;
    bound = parsed.bound ?? null;
  } catch {
    return false;
  }
  if (bound === null) return true;
  if (Array.isArray(bound)) return isReadableActionArguments(JSON.stringify(bound));
  const reference = typeof bound === "string" ? /^\$@(\d{1,6})$/.exec(bound) : null;
  const values = reference ? part(reference[1]!) : null;
  return reference !== null && reference[1] !== "0" && typeof values === "string" && isReadableActionArguments(values);
}
