"use client";

import { useActionState } from "react";
import { requestSignInLinkAction } from "@/app/(shop)/login/actions";
import { Button } from "@/components/ui/button";
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
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Sending your link…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
