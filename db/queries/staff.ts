import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import type { UserRole } from "../schema";
import { AppError } from "@/lib/errors";

export type StaffRole = Exclude<UserRole, "customer">;

export type StaffMemberDto = { id: string; email: string; name: string | null; role: StaffRole; lastSignInAt: Date | null; addedAt: Date };

/** The team: everyone whose role opens /admin, admins first, with their latest sign-in. */
export async function listStaff(): Promise<StaffMemberDto[]> {
  const rows = await getDb().execute<{ id: string; email: string; name: string | null; role: StaffRole; last_sign_in_at: Date | string | null; created_at: Date | string }>(sql`
    select u.id, u.email, u.name, u.role, u.created_at, (select max(s.created_at) from sessions s where s.user_id = u.id) as last_sign_in_at
    from users u
    where u.role <> 'customer'
    order by case u.role when 'admin' then 0 when 'staff' then 1 else 2 end, u.email`);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at) : null,
    addedAt: new Date(r.created_at),
  }));
}

/*
 * Every change to who is an admin takes one lock first, so the rule "at least one admin" is
 * checked on committed data: two admins demoting each other at the same moment run one after
 * the other, and the second finds it would leave no admin and is refused. (A count without the
 * lock would let both see two admins and both commit.) The acting admin is re-read under the
 * same lock: someone demoted a moment ago can no longer change roles.
 */
async function lockTeam(tx: Tx, actorId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('staff-roles', 0))`);
  const [actor] = await tx.execute<{ role: UserRole }>(sql`select role from users where id = ${actorId}`);
  if (actor?.role !== "admin") throw new AppError("forbidden", "Only an admin can change the team, and your role has just changed.");
}

async function adminsLeftWithout(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from users where role = 'admin' and id <> ${userId}`);
  return row!.n;
}

/**
 * Adds someone to the team: a new account with the role, or a customer's account upgraded
 * (their orders and consents stay theirs). Someone already on the team is not re-invited.
 */
export async function inviteStaffMember(tx: Tx, actorId: string, email: string, role: StaffRole): Promise<{ userId: string; created: boolean }> {
  await lockTeam(tx, actorId);
  const [existing] = await tx.execute<{ id: string; role: UserRole }>(sql`select id, role from users where email = ${email} for update`);
  if (existing && existing.role !== "customer") {
    throw new AppError("conflict", `${email} is already on the team (${existing.role}). Change their role in the list instead.`, { email: ["Already on the team."] });
  }
  if (existing) {
    await tx.execute(sql`update users set role = ${role} where id = ${existing.id}`);
    return { userId: existing.id, created: false };
  }
  const [created] = await tx.execute<{ id: string }>(sql`insert into users (id, email, role) values (${crypto.randomUUID()}, ${email}, ${role}) returning id`);
  return { userId: created!.id, created: true };
}

/** A team member's new role, or "customer" to remove them (their sessions end too). */
export async function setStaffRole(tx: Tx, actorId: string, userId: string, role: UserRole): Promise<{ before: StaffRole; after: UserRole }> {
  await lockTeam(tx, actorId);
  const [member] = await tx.execute<{ role: UserRole }>(sql`select role from users where id = ${userId} for update`);
  if (!member || member.role === "customer") throw new AppError("not_found", "That person is not on the team any more. Reload the page to see the team as it is now.");
  if (member.role === role) throw new AppError("conflict", `They are already ${role === "admin" ? "an admin" : `a ${role}`}. Reload the page to see the team as it is now.`);
  if (member.role === "admin" && role !== "admin" && (await adminsLeftWithout(tx, userId)) === 0) {
    throw new AppError("conflict", "This is the shop's last admin. Make someone else an admin first, so the shop is never left without one.");
  }
  await tx.execute(sql`update users set role = ${role} where id = ${userId}`);
  // Off the team: signed out everywhere, so no open admin tab keeps working.
  if (role === "customer") await tx.execute(sql`delete from sessions where user_id = ${userId}`);
  return { before: member.role, after: role };
}
