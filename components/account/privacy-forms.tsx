"use client";

import { useActionState, type ReactNode } from "react";
import { deleteAccountAction, requestFreshSignInAction, revokeOtherSessionsAction, revokeSessionAction, setConsentAction } from "@/app/account/privacy/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { SwitchButton } from "@/components/ui/switch";

/** A real switch: the button says what it is and whether it is on; one click changes it. */
export function ConsentSwitch({ purpose, label, granted }: { purpose: string; label: string; granted: boolean }) {
  const [state, action, pending] = useActionState(setConsentAction, null);
  return (
    <form action={action} className="shrink-0">
      <input type="hidden" name="purpose" value={purpose} />
      <input type="hidden" name="granted" value={granted ? "off" : "on"} />
      <SwitchButton checked={granted} label={label} disabled={pending} />
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm font-medium text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function RevokeSessionButton({ sessionKey, device }: { sessionKey: string; device: string }) {
  const [state, action, pending] = useActionState(revokeSessionAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="session" value={sessionKey} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        Sign out <span className="sr-only">{device}</span>
      </Button>
      {state && !state.ok ? <p className="mt-1 text-sm text-danger">{state.message}</p> : null}
    </form>
  );
}

/** Stays mounted after it has done its job, so its confirmation stays on screen. */
export function RevokeOtherSessionsButton({ others }: { others: number }) {
  const [state, action, pending] = useActionState(revokeOtherSessionsAction, null);
  return (
    <form action={action} className="space-y-2">
      <FormStatus state={state} success={state?.ok ? `Signed out of ${state.data.revoked} other ${state.data.revoked === 1 ? "device" : "devices"}.` : undefined} />
      {others > 0 ? (
        <Button type="submit" variant="secondary" disabled={pending}>
          Sign out everywhere else
        </Button>
      ) : (
        <p className="text-sm text-ink-muted">You are not signed in anywhere else.</p>
      )}
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" aria-label="Delete my account">
      <FormStatus state={state} fields={["confirm"]} />
      <label className="flex items-start gap-3 text-sm">
        <Checkbox
          name="confirm"
          value="delete"
          className="mt-0.5"
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? "confirm-error" : undefined}
        />
        <span>I understand: my account and personal data will be erased, and this cannot be undone.</span>
      </label>
      <FieldError id="confirm-error" errors={errors.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}

/**
 * Before an erasure or a staff export of someone's data: a fresh sign-in link to the account's
 * own inbox proves it is the owner. `returnTo` is where the link leads back (the action accepts
 * only the pages that ask for this); `children` says why, in the words of that page.
 */
export function ConfirmItsYouForm({ email, returnTo = "/account/privacy/delete", children }: { email: string; returnTo?: string; children?: ReactNode }) {
  const [state, action, pending] = useActionState(requestFreshSignInAction, null);
  return (
    <form action={action} className="space-y-4" aria-label="Confirm it is you">
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormStatus state={state} success={state?.ok ? `We have emailed a sign-in link to ${state.data.sentTo}. Open it on this device to continue.` : undefined} />
      <p className="text-sm">
        {children ?? "Deleting your account cannot be undone, so we first check that it is really you:"} we will email a sign-in link to <strong>{email}</strong>. It
        brings you back here.
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link to confirm"}
      </Button>
    </form>
  );
}
