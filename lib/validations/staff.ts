import { z } from "zod";
import { emailSchema } from "./address";

export const staffRoles = ["admin", "staff", "marketer"] as const;

const role = z.enum(staffRoles, { error: "Choose a role: admin, staff or marketer." });
const userId = z.string({ error: "That team member was not found." }).trim().min(1, "That team member was not found.").max(100, "That team member was not found.");

export const inviteStaffSchema = z.object({ email: emailSchema, role });
export const changeStaffRoleSchema = z.object({ userId, role });
export const removeStaffSchema = z.object({ userId });
