"use client";

import { useActionState } from "react";
import { subscribeAction } from "@/app/(shop)/newsletter/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Label } from "@/components/ui/input";
import { newsletterTopics, signupWording, type signupSources } from "@/lib/consent/purposes";

/**
 * Email plus the topics on offer, none ticked, with every error shown in place. Used on
 * /newsletter (and the link page); `source` records which, for the consent ledger and the
 * email's why-line. The footer has its own form without client code.
 */
export function NewsletterForm({ source }: { source: (typeof signupSources)[number] }) {
  const [state, action, pending] = useActionState(subscribeAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = (name: string) => `${source}-${name}`;
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Subscribe to our emails">
      <input type="hidden" name="source" value={source} />
      <FormStatus state={state} fields={["email", "topics"]} />
      <fieldset aria-describedby={errors.topics ? id("topics-error") : undefined}>
        <legend className="text-sm font-medium">What would you like to hear about?</legend>
        <div className="mt-2 space-y-2">
          {newsletterTopics.map((topic) => (
            <label key={topic.id} className="flex items-start gap-3 text-sm">
              <Checkbox name={topic.id} value="yes" className="mt-0.5" />
              <span>
                <span className="font-medium">{topic.label}</span>
                <span className="block text-ink-muted">{topic.description}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={id("topics-error")} errors={errors.topics} />
      </fieldset>
      <div>
        <Label htmlFor={id("email")}>Email address</Label>
        <div className="mt-1 flex flex-col gap-2 sm:flex-row">
          <Input
            id={id("email")}
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? id("email-error") : undefined}
            className="sm:flex-1"
          />
          <Button type="submit" disabled={pending} className="shrink-0">
            {pending ? "Sending…" : "Subscribe"}
          </Button>
        </div>
        <FieldError id={id("email-error")} errors={errors.email} />
      </div>
      <p className="text-xs text-ink-muted">{signupWording.text}</p>
    </form>
  );
}
