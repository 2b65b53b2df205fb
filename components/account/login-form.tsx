"use client";

import { useActionState } from "react";
import { requestSignInLinkAction } from "@/app/(shop)/login/actions";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(requestSignInLinkAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Sign in">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormStatus state={state} fields={["email"]} />
      <FormField name="email" label="Email address" type="email" autoComplete="email" errors={errors.email} hint="We email you a link that signs you in. No password to remember." />
      <button type="submit" disabled={pending} className="h-12 w-full rounded-full bg-accent-600 px-7 text-base font-medium text-white hover:bg-accent-700 disabled:opacity-60">
        {pending ? "Sending your link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
