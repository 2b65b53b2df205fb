"use server";

import { revalidatePath } from "next/cache";
import { beginSending, cancelCampaign, pauseCampaign, resumeCampaign, scheduleCampaign, unscheduleCampaign } from "@/db/queries/campaign-sending";
import { createCampaign, lockCampaignToSend, updateCampaign } from "@/db/queries/campaigns";
import { adminAction } from "@/lib/actions";
import { formatDateTime } from "@/lib/dates";
import { EmailSendError, sendEmail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";
import { campaignEmailFor, sampleRecipient } from "@/lib/marketing/campaign-email";
import { campaignActionSchema, createCampaignSchema, scheduleCampaignSchema, testCampaignSchema, updateCampaignSchema } from "@/lib/validations/campaign";

// Campaigns are read by admin pages only; the list, the segment pages (which name the
// campaigns using them) and the campaign itself are refreshed after a change.
const refreshMarketingPages = () => revalidatePath("/admin/marketing", "layout");

export const createCampaignAction = adminAction("marketing:write", createCampaignSchema, async (content, { staff, tx }) => {
  const { id } = await createCampaign(tx, { ...content, createdBy: staff.id });
  return {
    data: { id },
    audit: { action: "campaign.create", entityType: "campaign", entityId: id, summary: `Created campaign ${id}`, after: content },
    afterCommit: refreshMarketingPages,
    redirectTo: `/admin/marketing/campaigns/${id}?saved=1`,
  };
});

export const updateCampaignAction = adminAction("marketing:write", updateCampaignSchema, async ({ id, ...content }, { tx }) => {
  const { before, after } = await updateCampaign(tx, id, content);
  return {
    data: { id },
    audit: { action: "campaign.update", entityType: "campaign", entityId: id, summary: `Changed campaign ${id}`, before, after },
    message: "Draft saved.",
    afterCommit: refreshMarketingPages,
  };
});

/**
 * The campaign as the form holds it now, to the signed-in staff member's own address, with a
 * sample recipient's links (signed, but for no subscriber, so they only say "not valid"). It is
 * sent before the change commits so a failure is told to the marketer, not only logged; the
 * audit entry is what is in the transaction.
 */
export const sendTestCampaignAction = adminAction("marketing:write", testCampaignSchema, async ({ id, subject, preheader, body, topic }, { staff }) => {
  const email = campaignEmailFor({ campaign: { subject, preheader, body, topic }, recipient: sampleRecipient() });
  try {
    await sendEmail({
      category: "transactional",
      to: staff.email,
      subject: `[Test] ${email.subject}`,
      template: "campaign-test",
      reason: "You sent yourself a test of a campaign from the admin.",
      react: email.react,
      headers: email.headers,
    });
  } catch (error) {
    if (error instanceof EmailSendError) throw new AppError("conflict", "The test email could not be sent. Try again in a minute; if it keeps failing, check the email settings.");
    throw error;
  }
  return {
    data: { to: staff.email },
    audit: { action: "campaign.test", entityType: "campaign", entityId: id || "unsaved", summary: `Sent a test of campaign ${id || "(not saved yet)"} to themselves` },
    message: `Test sent to ${staff.email}.`,
  };
});

export const scheduleCampaignAction = adminAction("marketing:write", scheduleCampaignSchema, async ({ id, sendAt }, { tx }) => {
  await lockCampaignToSend(tx, id);
  await scheduleCampaign(tx, id, sendAt);
  return {
    data: { id },
    audit: { action: "campaign.schedule", entityType: "campaign", entityId: id, summary: `Scheduled campaign ${id} for ${sendAt.toISOString()}`, after: { scheduledAt: sendAt.toISOString() } },
    message: `Scheduled for ${formatDateTime(sendAt)}.`,
    afterCommit: refreshMarketingPages,
  };
});

export const unscheduleCampaignAction = adminAction("marketing:write", campaignActionSchema, async ({ id }, { tx }) => {
  await unscheduleCampaign(tx, id);
  return {
    data: { id },
    audit: { action: "campaign.unschedule", entityType: "campaign", entityId: id, summary: `Unscheduled campaign ${id}: a draft again` },
    message: "Unscheduled: it is a draft again.",
    afterCommit: refreshMarketingPages,
  };
});

/** The audience is snapshotted in this transaction; from its commit the content is frozen. */
export const sendCampaignNowAction = adminAction("marketing:send", campaignActionSchema, async ({ id }, { tx }) => {
  await lockCampaignToSend(tx, id);
  const { recipients } = await beginSending(tx, id);
  return {
    data: { id, recipients },
    audit: { action: "campaign.send", entityType: "campaign", entityId: id, summary: `Started sending campaign ${id} to ${recipients} recipients`, after: { recipients } },
    message: recipients > 0 ? `Sending to ${recipients.toLocaleString("en-GB")} ${recipients === 1 ? "person" : "people"}.` : "Nobody is subscribed to it right now, so there was no one to send it to.",
    afterCommit: refreshMarketingPages,
  };
});

export const pauseCampaignAction = adminAction("marketing:send", campaignActionSchema, async ({ id }, { tx }) => {
  await pauseCampaign(tx, id);
  return {
    data: { id },
    audit: { action: "campaign.pause", entityType: "campaign", entityId: id, summary: `Paused campaign ${id}` },
    message: "Paused. Emails already handed over still go out; nobody else is sent to until you resume.",
    afterCommit: refreshMarketingPages,
  };
});

export const resumeCampaignAction = adminAction("marketing:send", campaignActionSchema, async ({ id }, { tx }) => {
  await resumeCampaign(tx, id);
  return {
    data: { id },
    audit: { action: "campaign.resume", entityType: "campaign", entityId: id, summary: `Resumed campaign ${id}` },
    message: "Resumed.",
    afterCommit: refreshMarketingPages,
  };
});

export const cancelCampaignAction = adminAction("marketing:send", campaignActionSchema, async ({ id }, { tx }) => {
  await cancelCampaign(tx, id);
  return {
    data: { id },
    audit: { action: "campaign.cancel", entityType: "campaign", entityId: id, summary: `Cancelled campaign ${id}` },
    message: "Cancelled. Nobody still waiting will get it.",
    afterCommit: refreshMarketingPages,
  };
});
