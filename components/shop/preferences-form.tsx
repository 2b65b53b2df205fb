"use client";

import { useActionState } from "react";
import { updatePreferencesAction } from "@/app/(shop)/preferences/[token]/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormStatus } from "@/components/ui/form-status";
import { newsletterTopics } from "@/lib/consent/purposes";

/** Boxes show the person's current choices (from the ledger); saving records only changes. */
export function PreferencesForm({ token, granted }: { token: string; granted: string[] }) {
  const [state, action, pending] = useActionState(updatePreferencesAction, null);
  const success = state?.ok ? (state.data.unsubscribed ? "You are unsubscribed from all our emails." : state.data.changed ? "Your choices are saved." : "Nothing needed changing.") : undefined;
  return (
    <form action={action} className="space-y-6" aria-label="Email preferences">
      <FormStatus state={state} success={success} />
      <input type="hidden" name="token" value={token} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Send me</legend>
        {newsletterTopics.map((topic) => (
          <label key={topic.id} className="flex items-start gap-3 rounded-lg border border-line-strong bg-surface-raised p-3 text-sm">
            <Checkbox name={topic.id} value="yes" defaultChecked={granted.includes(topic.id)} className="mt-0.5" />
            <span>
              <span className="font-medium">{topic.label}</span>
              <span className="block text-ink-muted">{topic.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          Save my choices
        </Button>
        <Button type="submit" name="intent" value="unsubscribe" variant="secondary" disabled={pending}>
          Unsubscribe from all
        </Button>
      </div>
    </form>
  );
}
