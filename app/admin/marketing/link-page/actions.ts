"use server";

import { revalidatePath } from "next/cache";
import { addLink, moveLink, removeLink, updateLinkPageIntro } from "@/db/queries/link-page";
import { adminAction } from "@/lib/actions";
import { expireLinkPage } from "@/lib/link-page/expire";
import { addLinkSchema, linkPageIntroSchema, moveLinkSchema, removeLinkSchema } from "@/lib/validations/link-page";

/*
 * The link page editor. Each change is audited in its own transaction and, once committed,
 * expires the cached /links so the next visitor sees it.
 */

/** After a change has committed: /links re-renders, and so does the editor the change came from. */
function refresh() {
  expireLinkPage();
  revalidatePath("/admin/marketing/link-page");
}

export const saveLinkPageIntroAction = adminAction("marketing:write", linkPageIntroSchema, async ({ intro }, { tx }) => {
  const { before, after } = await updateLinkPageIntro(tx, intro);
  return {
    data: { intro: after },
    audit: { action: "link-page.intro", entityType: "link-page", entityId: "links", summary: "Changed the link page's introduction", before: { intro: before }, after: { intro: after } },
    message: before === after ? "Nothing had changed." : "Introduction saved. /links shows it now.",
    afterCommit: before === after ? undefined : refresh,
  };
});

export const addLinkAction = adminAction("marketing:write", addLinkSchema, async (input, { tx }) => {
  const link = await addLink(tx, input);
  return {
    data: { id: link.id },
    audit: { action: "link-page.add", entityType: "link-page-link", entityId: String(link.id), summary: `Added ${link.kind} link ${link.id} to the link page`, after: link },
    message: "Link added at the end of the list.",
    afterCommit: refresh,
  };
});

export const moveLinkAction = adminAction("marketing:write", moveLinkSchema, async ({ id, direction, neighbourId }, { tx }) => {
  const { from, to } = await moveLink(tx, id, direction, neighbourId);
  return {
    data: { id, position: to },
    audit: {
      action: "link-page.move",
      entityType: "link-page-link",
      entityId: String(id),
      summary: `Moved link ${id} ${direction} on the link page`,
      before: { position: from },
      after: { position: to },
    },
    message: `Moved ${direction}.`,
    afterCommit: refresh,
  };
});

export const removeLinkAction = adminAction("marketing:write", removeLinkSchema, async ({ id }, { tx }) => {
  const removed = await removeLink(tx, id);
  return {
    data: { id },
    audit: { action: "link-page.remove", entityType: "link-page-link", entityId: String(id), summary: `Removed ${removed.kind} link ${id} from the link page`, before: removed },
    message: "Link removed.",
    afterCommit: refresh,
  };
});
