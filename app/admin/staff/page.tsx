import type { Metadata } from "next";
import { ConfirmItsYouForm } from "@/components/account/privacy-forms";
import { AdminPageHeader } from "@/components/admin/page-header";
import { ChangeRoleForm, InviteStaffForm, RemoveStaffButton, type RoleOption } from "@/components/admin/staff/staff-forms";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listStaff } from "@/db/queries/staff";
import { roleDescriptions } from "@/lib/auth/permissions";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/auth/recent-sign-in";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Staff" };
export const instant = false;

const roleLabels = { admin: "Admin", staff: "Staff", marketer: "Marketer" } as const;
const roles: RoleOption[] = (["admin", "staff", "marketer"] as const).map((role) => ({ role, label: roleLabels[role], description: roleDescriptions[role] }));

export default async function AdminStaffPage() {
  const me = await requirePermissionForPage("/admin/staff", "staff:write");
  const [team, recent] = await Promise.all([listStaff(), signedInRecently(me)]);
  const admins = team.filter((m) => m.role === "admin").length;
  return (
    <div className="max-w-5xl">
      <AdminPageHeader title="Staff" description="Who can open the admin, and what each of them may do. A new team member signs in with the emailed link; there are no passwords." />

      {recent ? null : (
        <section aria-labelledby="confirm-heading" className="mb-6 rounded-card border border-line bg-surface-raised p-5">
          <h2 id="confirm-heading" className="mb-2 font-sans text-base font-semibold">
            Confirm it is you to change the team
          </h2>
          <ConfirmItsYouForm email={me.email} returnTo="/admin/staff">
            Inviting someone, changing a role or removing someone needs a sign-in from the last {RECENT_SIGN_IN_MINUTES} minutes, so that nobody at an unlocked computer can do it:
          </ConfirmItsYouForm>
        </section>
      )}

      <section aria-labelledby="invite-heading" className="rounded-card border border-line bg-surface-raised p-5">
        <h2 id="invite-heading" className="mb-3 font-sans text-base font-semibold">
          Invite someone
        </h2>
        <InviteStaffForm roles={roles} />
      </section>

      <Table caption="The team" captionHidden wrapperClassName="mt-6" className="min-w-[40rem]">
        <TableHeader>
          <TableRow>
            <TableHead>Person</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Change role</TableHead>
            <TableHead>
              <span className="sr-only">Remove</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {team.map((member) => {
            const lastAdmin = member.role === "admin" && admins === 1;
            return (
              <TableRow key={member.id} data-staff={member.email}>
                <TableHead scope="row">
                  <span className="block font-medium">{member.email}</span>
                  {member.name ? <span className="block text-ink-muted">{member.name}</span> : null}
                  {member.id === me.id ? <span className="block text-xs text-ink-muted">You</span> : null}
                  <span className="mt-1 block text-xs font-normal text-ink-muted">
                    {member.lastSignInAt ? `Last signed in ${formatDateTime(member.lastSignInAt)}` : "Not signed in yet"}
                  </span>
                </TableHead>
                <TableCell>
                  <Badge tone={member.role === "admin" ? "accent" : "neutral"}>{roleLabels[member.role]}</Badge>
                </TableCell>
                <TableCell>
                  {lastAdmin ? (
                    <span className="text-sm text-ink-muted">The last admin: make someone else an admin first.</span>
                  ) : (
                    <ChangeRoleForm userId={member.id} email={member.email} role={member.role} roles={roles} />
                  )}
                </TableCell>
                <TableCell>{lastAdmin ? null : <RemoveStaffButton userId={member.id} email={member.email} />}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {team.length === 1 ? (
        <Notice className="mt-4">You are the whole team for now. Invite someone above to share the work.</Notice>
      ) : null}
    </div>
  );
}
