"use server";

import { revalidatePath } from "next/cache";
import { createTrackedLink, isTrackedLinkSlugTaken, setTrackedLinkArchived, updateTrackedLink } from "@/db/queries/tracked-links";
import { adminAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { forgetTrackedLinkIndex } from "@/lib/links/link-index";
import { archiveTrackedLinkSchema, createTrackedLinkSchema, updateTrackedLinkSchema } from "@/lib/validations/tracked-link";

// The redirect reads links from this process's in-memory index: forget it so the change
// applies to the very next click; the admin pages read fresh on every request.
function afterLinkChange() {
  forgetTrackedLinkIndex();
  revalidatePath("/admin/marketing/links", "layout");
}

const SLUG_TAKEN = "Another link already uses this slug. Choose another.";

/** The unique index beat the check above it (two marketers saving the same slug at once): said as the field's error. */
function slugRace(error: unknown): AppError | null {
  const cause = (error as { cause?: { code?: string; constraint_name?: string } })?.cause ?? (error as { code?: string; constraint_name?: string });
  return cause?.code === "23505" && cause.constraint_name === "tracked_links_slug_key" ? new AppError("invalid", "Please check the highlighted fields.", { slug: [SLUG_TAKEN] }) : null;
}

export const createTrackedLinkAction = adminAction("marketing:write", createTrackedLinkSchema, async (input, { staff, tx }) => {
  if (await isTrackedLinkSlugTaken(tx, input.slug)) throw new AppError("invalid", "Please check the highlighted fields.", { slug: [SLUG_TAKEN] });
  let id: number;
  try {
    ({ id } = await createTrackedLink(tx, { ...input, createdBy: staff.id }));
  } catch (error) {
    throw slugRace(error) ?? error;
  }
  return {
    data: { id },
    audit: {
      action: "tracked_link.create",
      entityType: "tracked_link",
      entityId: String(id),
      summary: `Created short link ${id} (/go/${input.slug})`,
      after: { slug: input.slug, destination: input.destination, label: input.label, utm: input.utm },
    },
    afterCommit: afterLinkChange,
    redirectTo: `/admin/marketing/links/${id}?created=1`,
  };
});

export const updateTrackedLinkAction = adminAction("marketing:write", updateTrackedLinkSchema, async ({ id, destination, label }, { tx }) => {
  const { slug, before, after } = await updateTrackedLink(tx, id, { destination, label });
  return {
    data: { id },
    audit: { action: "tracked_link.update", entityType: "tracked_link", entityId: String(id), summary: `Changed short link ${id} (/go/${slug})`, before, after },
    message: "Link saved.",
    afterCommit: afterLinkChange,
  };
});

export const archiveTrackedLinkAction = adminAction("marketing:write", archiveTrackedLinkSchema, async ({ id, archived }, { tx }) => {
  const { slug, changed } = await setTrackedLinkArchived(tx, id, archived);
  const verb = archived ? "Archived" : "Restored";
  return {
    data: { id, changed },
    audit: {
      action: archived ? "tracked_link.archive" : "tracked_link.unarchive",
      entityType: "tracked_link",
      entityId: String(id),
      summary: changed ? `${verb} short link ${id} (/go/${slug})` : `${verb} short link ${id} (/go/${slug}): it already was`,
    },
    message: archived ? "Link archived. It still forwards, so old posts keep working." : "Link restored to the list.",
    afterCommit: afterLinkChange,
  };
});
