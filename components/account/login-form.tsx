"use client";

import { useActionState } from "react";
import { requestSignInLinkAction } from "@/app/(shop)/login/actions";
import { FormField } from "@/components/ui/form-field";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(requestSignInLinkAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Sign in">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {state && !state.ok && !errors.email ? (
        <p role="alert" className="rounded-lg border border-danger bg-[#f7e1de] p-3 text-sm text-danger">
          {state.message}
        </p>
      ) : null}
      <FormField name="email" label="Email address" type="email" autoComplete="email" errors={errors.email} hint="We email you a link that signs you in. No password to remember." />
      <button type="submit" disabled={pending} className="h-12 w-full rounded-full bg-accent-600 px-7 text-base font-medium text-white hover:bg-accent-700 disabled:opacity-60">
        {pending ? "Sending your link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
