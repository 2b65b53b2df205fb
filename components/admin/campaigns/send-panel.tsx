"use client";

import { scheduleCampaignAction, sendCampaignNowAction, unscheduleCampaignAction } from "@/app/admin/marketing/campaigns/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";

export type SendPanelProps = {
  id: string;
  status: "draft" | "scheduled";
  /** "24 Nov 2026, 09:30", when scheduled. */
  scheduledFor: string | null;
  /** The datetime-local value to start from. */
  sendAtDefault: string;
  minSendAt: string;
  timeZone: string;
  /** People the saved draft would reach right now. */
  audience: number;
  audienceText: string;
  mayWrite: boolean;
  maySend: boolean;
  dirty: boolean;
};

/**
 * When the saved draft goes out: at a time (in the shop's time zone), or now after a
 * confirmation that says how many people will get it. Both use the saved version, so they
 * wait while the form has unsaved changes.
 */
export function SendPanel({ id, status, scheduledFor, sendAtDefault, minSendAt, timeZone, audience, audienceText, mayWrite, maySend, dirty }: SendPanelProps) {
  const schedule = useAdminAction(scheduleCampaignAction);
  const unschedule = useAdminAction(unscheduleCampaignAction);
  const people = `${audience.toLocaleString("en-GB")} ${audience === 1 ? "person" : "people"}`;
  return (
    <section aria-labelledby="send-heading" className="space-y-4 rounded-card border border-line bg-surface-raised p-4 md:p-6">
      <div>
        <h2 id="send-heading" className="text-2xl">
          Send
        </h2>
        <p className="mt-1 text-sm">
          {status === "scheduled" && scheduledFor ? (
            <>
              <strong>Scheduled for {scheduledFor}</strong> ({timeZone} time).{" "}
            </>
          ) : null}
          It would go to <strong data-testid="audience-count">{people}</strong> today: {audienceText}. The audience is worked out again when it starts sending.
        </p>
      </div>
      {dirty ? (
        <p role="status" className="rounded-lg border border-warning bg-warning-soft p-3 text-sm text-warning">
          Save the draft first: scheduling and sending use the saved version.
        </p>
      ) : null}
      {mayWrite ? (
        <form action={schedule.formAction} noValidate className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="id" value={id} />
          <div className="w-full">
            <FormStatus state={schedule.state} fields={["sendAt"]} />
            <FormStatus state={unschedule.state && !unschedule.state.ok ? unschedule.state : null} />
          </div>
          <div>
            <Label htmlFor="sendAt">Send at ({timeZone} time)</Label>
            <Input
              id="sendAt"
              name="sendAt"
              type="datetime-local"
              defaultValue={sendAtDefault}
              min={minSendAt}
              className="mt-1 w-auto"
              aria-invalid={schedule.errors.sendAt?.length ? true : undefined}
              aria-describedby={schedule.errors.sendAt?.length ? "sendAt-error" : undefined}
            />
            <FieldError id="sendAt-error" errors={schedule.errors.sendAt} />
          </div>
          <Button type="submit" variant="secondary" disabled={dirty || schedule.pending}>
            {schedule.pending ? "Scheduling…" : status === "scheduled" ? "Change time" : "Schedule"}
          </Button>
          {status === "scheduled" ? (
            <Button type="submit" variant="ghost" formAction={unschedule.formAction} disabled={unschedule.pending}>
              {unschedule.pending ? "Unscheduling…" : "Unschedule"}
            </Button>
          ) : null}
        </form>
      ) : null}
      {maySend ? (
        <div className="border-t border-line pt-4">
          {audience === 0 ? <p className="mb-3 text-sm text-ink-muted">Nobody would get it right now, so there is nothing to send. Check the topic and the segment.</p> : null}
          <ConfirmAction
            action={sendCampaignNowAction}
            fields={{ id }}
            tone="primary"
            trigger={
              <Button type="button" disabled={dirty || audience === 0}>
                Send now…
              </Button>
            }
            title="Send this campaign now?"
            description={
              <>
                It goes to <strong>{people}</strong> ({audienceText}), starting at once. Once it starts, its content cannot change. You can pause or cancel while it sends.
              </>
            }
            confirmLabel={`Send to ${people}`}
            pendingLabel="Starting…"
          />
        </div>
      ) : null}
    </section>
  );
}
