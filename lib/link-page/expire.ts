import "server-only";
import { updateTag } from "next/cache";

/** The link page's own cache tag: every change in its editor expires it. */
export const LINK_PAGE_TAG = "link-page";

/**
 * After an edit in the link page editor has committed (a server action): the next request for
 * /links re-renders. Kept apart from the cached render (lib/link-page/cached.ts), which reads
 * the theme's CSS as text, something only a route's own module graph can import.
 */
export function expireLinkPage() {
  updateTag(LINK_PAGE_TAG);
}
