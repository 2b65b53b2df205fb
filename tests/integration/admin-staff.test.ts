import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { setStaffRole } from "@/db/queries/staff";
import { AppError } from "@/lib/errors";
import { testSql } from "../support/sql";

/*
 * The team's one hard rule: the shop always has an admin. Checked against a real PostgreSQL,
 * with transactions that really overlap. The seed's admin is made staff for the duration, so
 * the admins here are the only ones, and put back afterwards.
 */
const caller = vi.hoisted(() => ({ id: "", email: "", role: "admin" as string }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    requireUser: async () => ({ ...caller, name: null }),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return { ...caller, name: null };
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));
// Auth.js needs a request; the invitation's email is the e2e journey's subject.
vi.mock("@/lib/auth/request-link", () => ({ sendSignInLinkWithinLimits: async () => {} }));
vi.mock("@/lib/auth/sign-in-email", () => ({ asStaffInvitation: (_: unknown, send: () => Promise<unknown>) => send() }));

const { changeStaffRoleAction, removeStaffAction } = await import("@/app/admin/staff/actions");

const sql = testSql();
const SEED_ADMIN = "admin@emberandoak.example";

beforeAll(async () => {
  await sql`update users set role = 'staff' where email = ${SEED_ADMIN}`;
});
afterAll(async () => {
  await sql`update users set role = 'admin' where email = ${SEED_ADMIN}`;
  await sql`delete from users where email like 'team-test-%'`;
  await sql.end();
});

let admins: { a: string; b: string };
beforeEach(async () => {
  await sql`update users set role = 'customer' where email like 'team-test-%' and role <> 'customer'`;
  admins = { a: await makeUser("admin"), b: await makeUser("admin") };
});

async function makeUser(role: string) {
  const id = randomUUID();
  await sql`insert into users (id, email, role) values (${id}, ${`team-test-${id.slice(0, 8)}@example.com`}, ${role})`;
  await sql`insert into sessions (session_token, user_id, expires) values (${`team-test-${id}`}, ${id}, now() + interval '1 day')`;
  return id;
}

async function adminCount() {
  const [row] = await sql`select count(*)::int as n from users where role = 'admin'`;
  return row!.n as number;
}

async function roleOf(id: string) {
  const [row] = await sql`select role from users where id = ${id}`;
  return row!.role as string;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the last admin", () => {
  it("cannot be demoted or removed, and the refusal changes nothing", async () => {
    // b steps down (a is still admin), then a is the only one.
    caller.id = admins.b;
    expect(await changeStaffRoleAction(null, form({ userId: admins.b, role: "staff" }))).toMatchObject({ ok: true });
    caller.id = admins.a;
    const demote = await changeStaffRoleAction(null, form({ userId: admins.a, role: "marketer" }));
    expect(demote).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("last admin") });
    const remove = await removeStaffAction(null, form({ userId: admins.a }));
    expect(remove).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("last admin") });
    expect(await roleOf(admins.a)).toBe("admin");
    expect(await adminCount()).toBe(1);
    // Refused changes are not on record.
    expect(await sql`select 1 from audit_log where entity_id = ${admins.a}`).toHaveLength(0);
  });

  it("removing a team member makes them a customer, ends their sessions and is on record", async () => {
    const member = await makeUser("staff");
    caller.id = admins.a;
    expect(await removeStaffAction(null, form({ userId: member }))).toMatchObject({ ok: true });
    expect(await roleOf(member)).toBe("customer");
    expect(await sql`select 1 from sessions where user_id = ${member}`).toHaveLength(0);
    expect(await sql`select action, actor_id, before, after from audit_log where entity_id = ${member}`).toEqual([
      { action: "staff.remove", actor_id: admins.a, before: { role: "staff" }, after: { role: "customer" } },
    ]);
  });

  it("two admins stepping down at the same moment leave one admin, not none", async () => {
    // a's change holds its transaction open while b's starts: without the lock both would count
    // one other admin and both commit.
    const first = getDb().transaction(async (tx) => {
      await setStaffRole(tx, admins.a, admins.a, "staff");
      await sleep(300);
    });
    await sleep(50);
    const second = getDb().transaction((tx) => setStaffRole(tx, admins.b, admins.b, "staff"));
    const results = await Promise.allSettled([first, second]);
    expect(results[0].status).toBe("fulfilled");
    expect(results[1]).toMatchObject({ status: "rejected", reason: expect.any(AppError) });
    expect((results[1] as PromiseRejectedResult).reason.message).toContain("last admin");
    expect(await adminCount()).toBe(1);
    expect(await roleOf(admins.b)).toBe("admin");
  });

  it("two admins demoting each other at the same moment leave one admin, not none", async () => {
    const first = getDb().transaction(async (tx) => {
      await setStaffRole(tx, admins.a, admins.b, "staff");
      await sleep(300);
    });
    await sleep(50);
    const second = getDb().transaction((tx) => setStaffRole(tx, admins.b, admins.a, "staff"));
    const results = await Promise.allSettled([first, second]);
    expect(results[0].status).toBe("fulfilled");
    // By the time b's change runs, b is no longer an admin: it is refused.
    expect(results[1]).toMatchObject({ status: "rejected", reason: expect.any(AppError) });
    expect(await adminCount()).toBe(1);
    expect(await roleOf(admins.a)).toBe("admin");
  });

  it("started truly at once, any number of demotions leave at least one admin", async () => {
    const c = await makeUser("admin");
    const ids = [admins.a, admins.b, c];
    const results = await Promise.allSettled(ids.map((id) => getDb().transaction((tx) => setStaffRole(tx, id, id, "marketer"))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await adminCount()).toBe(1);
  });
});
