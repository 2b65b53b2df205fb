import { afterAll, describe, expect, it, vi } from "vitest";
import { testSql } from "../support/sql";

/*
 * A team member cannot erase their own account from the privacy centre: that would skip the
 * last-admin rule and leave no entry in the audit log. They leave the team through /admin/staff
 * first. Only the session is replaced here (Auth.js needs a request).
 */
const caller = vi.hoisted(() => ({ id: "", email: "", role: "admin" as string }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => ({ id: caller.id, email: caller.email, name: null, role: caller.role }),
  currentSessionToken: async () => null,
  SESSION_COOKIE_NAMES: [],
}));
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));
vi.mock("@/lib/auth/request-link", () => ({ sendSignInLinkWithinLimits: async () => {} }));

const { deleteAccountAction } = await import("@/app/account/privacy/actions");
const sql = testSql();
afterAll(async () => {
  await sql`delete from users where email like 'team-deletion-%'`;
  await sql.end();
});

describe("deleting an account from the privacy centre", () => {
  it("is refused to an admin, and the account stays", async () => {
    const email = `team-deletion-${Date.now()}@example.com`;
    const [user] = await sql`insert into users (id, email, role) values (gen_random_uuid()::text, ${email}, 'admin') returning id`;
    Object.assign(caller, { id: user!.id, email, role: "admin" });
    const form = new FormData();
    form.set("confirm", "delete");
    const result = await deleteAccountAction(null, form);
    expect(result).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("Ask an admin to remove you from the team first") });
    expect(await sql`select role from users where id = ${user!.id}`).toEqual([{ role: "admin" }]);
  });
});
