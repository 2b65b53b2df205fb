import type { CampaignStatus } from "@/db/queries/campaign-sending";
import { formatDateTime } from "@/lib/dates";

/** How the marketing pages name a campaign's state. */
export const campaignStatusLabel: Record<CampaignStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  sending: "Sending",
  paused: "Paused",
  cancelled: "Cancelled",
  sent: "Sent",
};

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger";

export const campaignStatusTone: Record<CampaignStatus, BadgeTone> = {
  draft: "neutral",
  scheduled: "accent",
  sending: "accent",
  paused: "warning",
  cancelled: "danger",
  sent: "success",
};

/** The list's badge: "Scheduled for 24 Nov 2026, 09:30", "Sending 42%". */
export function campaignStatusText(c: { status: CampaignStatus; scheduledAt: Date | null; recipients: number; done: number }): string {
  if (c.status === "scheduled" && c.scheduledAt) return `Scheduled for ${formatDateTime(c.scheduledAt)}`;
  if (c.status === "sending") return `Sending ${percentDone(c.done, c.recipients)}%`;
  return campaignStatusLabel[c.status];
}

export function percentDone(done: number, recipients: number): number {
  if (recipients <= 0) return 0;
  // Never "100%" while someone is still waiting.
  return done >= recipients ? 100 : Math.min(99, Math.floor((done / recipients) * 100));
}

/** "about 3 min", "about 1 h 20 min", "under a minute". */
export function describeTimeLeft(seconds: number | null): string {
  if (seconds === null) return "Not known yet";
  if (seconds < 60) return "Under a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `About ${hours} h ${minutes % 60} min`;
}
