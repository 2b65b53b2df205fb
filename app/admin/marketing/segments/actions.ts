"use server";

import { revalidatePath } from "next/cache";
import { listCollectionChoices } from "@/db/queries/admin-products";
import { createSegment, deleteSegment, updateSegment } from "@/db/queries/segments";
import { adminAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import type { SegmentRules } from "@/lib/marketing/segment-rules";
import { deleteSegmentSchema, segmentFormSchema, updateSegmentSchema } from "@/lib/validations/segment";

// Segments are read by admin pages only (the audience is worked out when a campaign sends).
const refreshMarketingPages = () => revalidatePath("/admin/marketing", "layout");

async function assertCollectionExists(rules: SegmentRules) {
  if (rules.purchase?.kind !== "bought-from-collection") return;
  const id = rules.purchase.collectionId;
  if (!(await listCollectionChoices()).some((c) => c.id === id)) {
    throw new AppError("invalid", "Please check the highlighted fields.", { purchaseCollectionId: ["That collection no longer exists. Choose another."] });
  }
}

export const createSegmentAction = adminAction("marketing:write", segmentFormSchema, async ({ name, rules }, { staff, tx }) => {
  await assertCollectionExists(rules);
  const { id } = await createSegment(tx, { name, rules, createdBy: staff.id });
  return {
    data: { id },
    audit: { action: "segment.create", entityType: "segment", entityId: id, summary: `Created segment ${id}`, after: { name, rules } },
    afterCommit: refreshMarketingPages,
    redirectTo: `/admin/marketing/segments/${id}?saved=1`,
  };
});

export const updateSegmentAction = adminAction("marketing:write", updateSegmentSchema, async ({ id, name, rules }, { tx }) => {
  await assertCollectionExists(rules);
  const { before, after } = await updateSegment(tx, id, { name, rules });
  return {
    data: { id },
    audit: { action: "segment.update", entityType: "segment", entityId: id, summary: `Changed segment ${id}`, before, after },
    message: "Segment saved.",
    afterCommit: refreshMarketingPages,
  };
});

export const deleteSegmentAction = adminAction("marketing:write", deleteSegmentSchema, async ({ id }, { tx }) => {
  const { name } = await deleteSegment(tx, id);
  return {
    data: { id },
    audit: { action: "segment.delete", entityType: "segment", entityId: id, summary: `Deleted segment ${id}`, before: { name } },
    afterCommit: refreshMarketingPages,
    redirectTo: "/admin/marketing/segments?deleted=1",
  };
});
