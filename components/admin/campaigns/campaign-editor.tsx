"use client";

import { startTransition, useState, type FormEvent } from "react";
import { createCampaignAction, sendTestCampaignAction, updateCampaignAction } from "@/app/admin/marketing/campaigns/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Notice } from "@/components/ui/notice";
import { MAX_BODY_LENGTH, MAX_PREHEADER_LENGTH, MAX_SUBJECT_LENGTH, type CampaignFormValues } from "@/lib/validations/campaign";
import { LiveCampaignPreview, type RenderedEmail } from "./campaign-preview";
import { SendPanel, type SendPanelProps } from "./send-panel";

const fields = ["subject", "preheader", "topic", "segmentId", "body"];

/**
 * Compose a campaign: the fields on one side, the live preview (the real email, for a sample
 * subscriber) on the other. "Send a test to me" sends what the form holds now; scheduling and
 * sending use the saved draft, so they wait until the changes are saved.
 */
export function CampaignEditor({
  id,
  saved,
  topics,
  segments,
  initialPreview,
  send,
  staffEmail,
}: {
  id?: string;
  saved: CampaignFormValues;
  topics: readonly { id: string; label: string }[];
  segments: { id: string; name: string }[];
  initialPreview: RenderedEmail;
  /** The schedule / send controls, for a saved campaign. */
  send?: Omit<SendPanelProps, "dirty">;
  staffEmail: string;
}) {
  const [values, setValues] = useState<CampaignFormValues>(saved);
  const save = useAdminAction((previous: Parameters<typeof updateCampaignAction>[0], formData: FormData) => (id ? updateCampaignAction : createCampaignAction)(previous, formData));
  const test = useAdminAction(sendTestCampaignAction);
  const errors = { ...test.errors, ...save.errors };
  const dirty = fields.some((f) => values[f as keyof CampaignFormValues] !== saved[f as keyof CampaignFormValues]);
  const set = (name: keyof CampaignFormValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [name]: value }));
  };

  // Submitted by hand so the fields keep what was typed whatever the answer (React would
  // otherwise reset the form), and so each button reaches its own action.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget);
    startTransition(() => (submitter?.getAttribute("value") === "test" ? test.formAction(data) : save.formAction(data)));
  }

  const pending = save.pending || test.pending;
  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] xl:items-start">
      <div className="space-y-8">
        <form action={save.formAction} onSubmit={submit} noValidate className="space-y-5" aria-label={id ? "Edit campaign" : "New campaign"}>
          <FormStatus state={save.state} fields={fields} />
          <FormStatus state={test.state} fields={fields} />
          {id ? <input type="hidden" name="id" value={id} /> : null}
          <FormField name="subject" label="Subject" autoComplete="off" maxLength={MAX_SUBJECT_LENGTH} value={values.subject} onChange={set("subject")} errors={errors.subject} />
          <FormField
            name="preheader"
            label="Preheader"
            required={false}
            autoComplete="off"
            maxLength={MAX_PREHEADER_LENGTH}
            hint="The line mail apps show after the subject. Empty: the subject is used."
            value={values.preheader}
            onChange={set("preheader")}
            errors={errors.preheader}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <Label htmlFor="topic">Topic</Label>
              <p id="topic-hint" className="text-xs text-ink-muted">
                Only people subscribed to it get the email.
              </p>
              <Select id="topic" name="topic" value={values.topic} onChange={set("topic")} className="mt-1" aria-describedby={errors.topic?.length ? "topic-error topic-hint" : "topic-hint"} aria-invalid={errors.topic?.length ? true : undefined}>
                {topics.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </Select>
              <FieldError id="topic-error" errors={errors.topic} />
            </div>
            <div>
              <Label htmlFor="segmentId">Audience</Label>
              <p id="segment-hint" className="text-xs text-ink-muted">
                A segment narrows it down further.
              </p>
              <Select id="segmentId" name="segmentId" value={values.segmentId} onChange={set("segmentId")} className="mt-1" aria-describedby={errors.segmentId?.length ? "segmentId-error segment-hint" : "segment-hint"} aria-invalid={errors.segmentId?.length ? true : undefined}>
                <option value="">Everyone subscribed to the topic</option>
                {segments.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
              <FieldError id="segmentId-error" errors={errors.segmentId} />
            </div>
          </div>
          <div>
            <Label htmlFor="body">Email</Label>
            <p id="body-hint" className="text-xs text-ink-muted">
              Markdown: # Heading, **bold**, [a link](https://…), - lists. The footer (why they get it, preferences, unsubscribe, your address) is added for you.
            </p>
            <textarea
              id="body"
              name="body"
              rows={16}
              maxLength={MAX_BODY_LENGTH}
              value={values.body}
              onChange={set("body")}
              spellCheck
              aria-invalid={errors.body?.length ? true : undefined}
              aria-describedby={errors.body?.length ? "body-error body-hint" : "body-hint"}
              className="mt-1 w-full rounded-lg border border-line-strong bg-surface-raised px-3 py-2 font-mono text-sm leading-6 text-ink placeholder:text-ink-subtle aria-invalid:border-danger"
            />
            <FieldError id="body-error" errors={errors.body} />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" name="intent" value="save" disabled={pending}>
              {save.pending ? "Saving…" : id ? "Save draft" : "Save draft"}
            </Button>
            <Button type="submit" name="intent" value="test" variant="secondary" disabled={pending}>
              {test.pending ? "Sending test…" : "Send a test to me"}
            </Button>
            {dirty && id ? <span className="text-sm text-ink-muted">Unsaved changes</span> : null}
          </div>
          <p className="text-xs text-ink-muted">The test goes to {staffEmail}, with “[Test]” before the subject. Its unsubscribe and preference links are samples that do nothing.</p>
        </form>
        {send ? <SendPanel {...send} dirty={dirty} /> : !id ? <Notice role="note">Save the draft to schedule it or send it.</Notice> : null}
      </div>
      <section aria-labelledby="preview-heading" className="xl:sticky xl:top-4">
        <h2 id="preview-heading" className="mb-2 text-2xl">
          Preview
        </h2>
        <LiveCampaignPreview draft={{ subject: values.subject, preheader: values.preheader, body: values.body, topic: values.topic }} initial={initialPreview} />
      </section>
    </div>
  );
}
