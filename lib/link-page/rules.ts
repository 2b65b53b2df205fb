/*
 * The rules of the link page's list, kept apart from SQL so each can be tested on its own:
 * which addresses a custom link may point to, and how a move changes the order.
 */

/** How many featured links the page holds: a link page is a short menu, not a catalogue. */
export const MAX_LINKS = 20;
export const MAX_LABEL_LENGTH = 80;
export const MAX_INTRO_LENGTH = 300;
export const MAX_URL_LENGTH = 500;

/**
 * A custom link's address as stored, or null when it may not be one: an absolute http(s) URL
 * with a host, or a path on the shop itself ("/privacy"). Anything else (javascript:, data:,
 * mailto:, a protocol-relative "//other.example" or "/\other.example", which browsers treat as
 * another site) is refused, as are spaces and control characters.
 */
export function normaliseLinkUrl(raw: string): string | null {
  const value = raw.trim();
  if (value === "" || value.length > MAX_URL_LENGTH) return null;
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return null;
  if (value.startsWith("/")) {
    if (value.startsWith("//") || value.startsWith("/\\")) return null;
    try {
      // Resolved against a placeholder origin, a path must stay on it.
      const resolved = new URL(value, "https://shop.invalid");
      return resolved.origin === "https://shop.invalid" ? value : null;
    } catch {
      return null;
    }
  }
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export type MoveDirection = "up" | "down";

/**
 * The order after moving one link a step, given the order the merchant saw: the link and the
 * neighbour shown beside it swap places. Null when the list has changed since (the link is
 * gone, or that neighbour is no longer next to it, e.g. after a double click or another
 * person's edit), so a stale form changes nothing instead of moving the wrong link.
 */
export function moveInOrder(order: readonly number[], id: number, direction: MoveDirection, neighbourId: number): number[] | null {
  const from = order.indexOf(id);
  if (from === -1) return null;
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= order.length || order[to] !== neighbourId) return null;
  const next = [...order];
  next[from] = neighbourId;
  next[to] = id;
  return next;
}
