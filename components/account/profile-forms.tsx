"use client";

import { useActionState } from "react";
import { confirmEmailChangeAction, requestEmailChangeAction, updateNameAction } from "@/app/account/profile/actions";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";

export function NameForm({ name }: { name: string | null }) {
  const [state, action, pending] = useActionState(updateNameAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Your name">
      <FormStatus state={state} success="Your name is saved." fields={["name"]} />
      <FormField name="name" label="Name" autoComplete="name" defaultValue={name ?? ""} errors={errors.name} hint="Used on your orders and in emails we send you." />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}

export function EmailChangeForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(requestEmailChangeAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Change your email address">
      <FormStatus state={state} success={state?.ok ? `We sent a confirmation link to ${state.data.sentTo}. Your address changes when you open it.` : undefined} fields={["email"]} />
      <p className="text-sm text-ink-muted">
        Currently <strong className="text-ink">{email}</strong>.
      </p>
      <FormField name="email" label="New email address" type="email" autoComplete="email" errors={errors.email} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send confirmation link"}
      </Button>
    </form>
  );
}

export function ConfirmEmailChangeForm({ token, to }: { token: string; to: string }) {
  const [state, action, pending] = useActionState(confirmEmailChangeAction, null);
  return (
    <form action={action} className="space-y-4" aria-label="Confirm your new email address">
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      <p>
        Use <strong>{to}</strong> for your account from now on?
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Yes, use this address"}
      </Button>
    </form>
  );
}
