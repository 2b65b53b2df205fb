"use client";

import { changeStaffRoleAction, inviteStaffAction, removeStaffAction } from "@/app/admin/staff/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";
import { FieldError, FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export type RoleOption = { role: "admin" | "staff" | "marketer"; label: string; description: string };

export function InviteStaffForm({ roles }: { roles: RoleOption[] }) {
  const { state, formAction, pending, errors } = useAdminAction(inviteStaffAction);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Invite a team member">
      <FormStatus state={state} fields={["email", "role"]} />
      <div className="grid gap-4 md:grid-cols-[1fr_14rem_auto] md:items-start">
        <FormField name="email" label="Email address" type="email" autoComplete="off" errors={errors.email} />
        <div>
          <Label htmlFor="invite-role">Role</Label>
          <Select id="invite-role" name="role" defaultValue="staff" className="mt-1" aria-describedby={errors.role ? "invite-role-error" : undefined} aria-invalid={errors.role ? true : undefined}>
            {roles.map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </Select>
          <FieldError id="invite-role-error" errors={errors.role} />
        </div>
        <Button type="submit" disabled={pending} className="md:mt-6">
          {pending ? "Inviting…" : "Send invitation"}
        </Button>
      </div>
      <ul className="space-y-1 text-xs text-ink-muted">
        {roles.map((r) => (
          <li key={r.role}>
            <span className="font-medium text-ink">{r.label}:</span> {r.description}
          </li>
        ))}
      </ul>
    </form>
  );
}

/** Role change for one row: the select names whose role it is, so each row's control is told apart. */
export function ChangeRoleForm({ userId, email, role, roles }: { userId: string; email: string; role: string; roles: RoleOption[] }) {
  const { state, formAction, pending } = useAdminAction(changeStaffRoleAction);
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`Role of ${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <Label htmlFor={id} className="sr-only">
        New role for {email}
      </Label>
      <Select id={id} name="role" defaultValue={role} size="sm" className="w-32">
        {roles.map((r) => (
          <option key={r.role} value={r.role}>
            {r.label}
          </option>
        ))}
      </Select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Changing…" : "Change role"}
        <span className="sr-only"> of {email}</span>
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm font-medium text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function RemoveStaffButton({ userId, email }: { userId: string; email: string }) {
  return (
    <ConfirmAction
      action={removeStaffAction}
      fields={{ userId }}
      trigger={
        <Button type="button" size="sm" variant="danger-secondary">
          Remove<span className="sr-only"> {email}</span>
        </Button>
      }
      title={`Remove ${email} from the team?`}
      description="They become a customer again: they keep their orders and account, lose access to the admin, and are signed out everywhere at once."
      confirmLabel="Remove from team"
      pendingLabel="Removing…"
    />
  );
}
