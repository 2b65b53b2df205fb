"use server";

import { revalidatePath } from "next/cache";
import { inviteStaffMember, setStaffRole } from "@/db/queries/staff";
import { getShopSettings } from "@/db/queries/settings";
import { adminAction } from "@/lib/actions";
import { roleDescriptions } from "@/lib/auth/permissions";
import { sendSignInLinkWithinLimits } from "@/lib/auth/request-link";
import { asStaffInvitation } from "@/lib/auth/sign-in-email";
import { changeStaffRoleSchema, inviteStaffSchema, removeStaffSchema } from "@/lib/validations/staff";

/*
 * The team. Audit entries name people by their user id (an upgraded customer is a shopper,
 * whose address does not belong in the log); the acting admin is recorded by the wrapper.
 */

/** The team list is read per request; this re-renders it for the admin who made the change. */
const refreshTeamList = () => revalidatePath("/admin/staff");

export const inviteStaffAction = adminAction("staff:write", inviteStaffSchema, async ({ email, role }, { tx, staff }) => {
  const { userId, created } = await inviteStaffMember(tx, staff.id, email, role);
  return {
    data: { email, role },
    audit: {
      action: "staff.invite",
      entityType: "user",
      entityId: userId,
      summary: created ? `Invited a new team member as ${role}` : `Added an existing customer to the team as ${role}`,
      before: { role: created ? null : "customer" },
      after: { role },
    },
    message: `${email} is now ${role === "admin" ? "an admin" : `a ${role}`}. We emailed them a sign-in link.`,
    // After the commit, so the account the link signs into exists with its role.
    afterCommit: async () => {
      refreshTeamList();
      const { shopName } = await getShopSettings();
      await asStaffInvitation({ email, invitedBy: staff.name ?? staff.email, role, roleDescription: roleDescriptions[role], shopName }, () => sendSignInLinkWithinLimits(email, "/admin"));
    },
  };
  // An invitation gives someone a role (possibly admin): the same fresh sign-in as a role change.
}, { recentSignIn: true });

export const changeStaffRoleAction = adminAction("staff:write",
  changeStaffRoleSchema,
  async ({ userId, role }, { tx, staff }) => {
    const change = await setStaffRole(tx, staff.id, userId, role);
    return {
      data: change,
      audit: { action: "staff.role_change", entityType: "user", entityId: userId, summary: `Changed a team member's role from ${change.before} to ${role}`, before: { role: change.before }, after: { role } },
      message: `Role changed to ${role}.`,
      afterCommit: refreshTeamList,
    };
  },
  { recentSignIn: true },
);

export const removeStaffAction = adminAction("staff:write",
  removeStaffSchema,
  async ({ userId }, { tx, staff }) => {
    const change = await setStaffRole(tx, staff.id, userId, "customer");
    return {
      data: change,
      audit: { action: "staff.remove", entityType: "user", entityId: userId, summary: `Removed a ${change.before} from the team (back to customer, signed out everywhere)`, before: { role: change.before }, after: { role: "customer" } },
      message: "Removed from the team and signed out everywhere.",
      afterCommit: refreshTeamList,
    };
  },
  { recentSignIn: true },
);
