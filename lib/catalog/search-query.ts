/** Longest search query we act on; longer input is cut, never an error. */
export const MAX_QUERY_LENGTH = 100;

/**
 * Cleans what a shopper typed into the search box: control characters and tsquery syntax
 * are removed, whitespace is folded, and the result is cut to a sane length. The words are
 * later passed to PostgreSQL as bound parameters, never spliced into SQL.
 */
export function sanitizeSearchQuery(input: unknown): string {
  if (typeof input !== "string") return "";
  return input
    .normalize("NFKC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[&|!():*<>'"\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}
