"use client";

import { cancelCampaignAction, pauseCampaignAction, resumeCampaignAction } from "@/app/admin/marketing/campaigns/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";

/** Pause, Resume and Cancel while a campaign sends. The form names the wanted change, so a double click cannot undo it. */
export function CampaignControls({ id, status, remaining }: { id: string; status: "sending" | "paused"; remaining: number }) {
  const pause = useAdminAction(pauseCampaignAction);
  const resume = useAdminAction(resumeCampaignAction);
  const toggle = status === "sending" ? pause : resume;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <form action={toggle.formAction}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="secondary" disabled={toggle.pending}>
          {status === "sending" ? (pause.pending ? "Pausing…" : "Pause") : resume.pending ? "Resuming…" : "Resume"}
        </Button>
      </form>
      <ConfirmAction
        action={cancelCampaignAction}
        fields={{ id }}
        trigger={<Button variant="danger-secondary">Cancel sending…</Button>}
        title="Cancel this campaign?"
        description={`Nobody still waiting gets it${remaining > 0 ? ` (${remaining.toLocaleString("en-GB")} ${remaining === 1 ? "person" : "people"} right now)` : ""}. What was sent stays sent. This cannot be undone.`}
        confirmLabel="Cancel campaign"
        cancelLabel="Keep sending"
        pendingLabel="Cancelling…"
      />
      <div className="w-full">
        <FormStatus state={toggle.state && !toggle.state.ok ? toggle.state : null} />
      </div>
    </div>
  );
}
