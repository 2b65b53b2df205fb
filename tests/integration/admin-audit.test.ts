import { randomUUID } from "node:crypto";
import { sql as dsql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { testSql } from "../support/sql";

/*
 * adminAction against a real database: the permission is checked before anything runs, and
 * the change and its audit entry commit or roll back together. The session is the only thing
 * replaced here (Auth.js needs a request); the permission table is the real one.
 */
const caller = vi.hoisted(() => ({ role: "staff" as string }));
vi.mock("@/lib/auth/session", async () => {
  const { can } = await import("@/lib/auth/permissions");
  const { AppError } = await import("@/lib/errors");
  return {
    requireUser: async () => ({ id: "staff-1", email: "sam@example.com", name: "Sam", role: caller.role }),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      if (!can(caller.role as never, permission)) throw new AppError("forbidden", "Your role cannot do this.");
      return { id: "staff-1", email: "sam@example.com", name: "Sam", role: caller.role };
    },
  };
});
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));

const { adminAction } = await import("@/lib/actions");

const sql = testSql();
afterAll(async () => {
  await sql`delete from products where slug like 'audit-test-%'`;
  await sql.end();
});
beforeEach(() => {
  caller.role = "staff";
});

const renameSchema = z.object({ slug: z.string(), title: z.string().min(1) });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function auditFor(slug: string) {
  return sql`select actor_id, actor_role, action, entity_type, entity_id, summary, before, after from audit_log where entity_id = ${slug}`;
}

describe("adminAction", () => {
  const createProduct = adminAction("catalog:write", renameSchema, async (input, { tx, staff }) => {
    await tx.execute(dsql`insert into products (slug, title) values (${input.slug}, ${input.title})`);
    if (input.title === "fail after write") throw new AppError("conflict", "Someone else changed it.");
    return { data: { slug: input.slug }, audit: { action: "product.create", entityType: "product", entityId: input.slug, summary: `${staff.email} created ${input.title}`, after: { title: input.title } } };
  });

  it("writes the change and its audit entry together", async () => {
    const slug = `audit-test-${randomUUID().slice(0, 8)}`;
    const result = await createProduct(null, form({ slug, title: "Oak tray" }));
    expect(result).toEqual({ ok: true, data: { slug } });
    expect(await sql`select title from products where slug = ${slug}`).toEqual([{ title: "Oak tray" }]);
    expect(await auditFor(slug)).toEqual([
      { actor_id: "staff-1", actor_role: "staff", action: "product.create", entity_type: "product", entity_id: slug, summary: "sam@example.com created Oak tray", before: null, after: { title: "Oak tray" } },
    ]);
  });

  it("rolls the change back when the handler refuses part-way, and logs nothing", async () => {
    const slug = `audit-test-${randomUUID().slice(0, 8)}`;
    const result = await createProduct(null, form({ slug, title: "fail after write" }));
    expect(result).toMatchObject({ ok: false, code: "conflict", message: "Someone else changed it." });
    expect(await sql`select 1 from products where slug = ${slug}`).toHaveLength(0);
    expect(await auditFor(slug)).toHaveLength(0);
  });

  it("refuses a role without the permission before reading the form or touching anything", async () => {
    caller.role = "marketer";
    const slug = `audit-test-${randomUUID().slice(0, 8)}`;
    expect(await createProduct(null, form({ slug, title: "Oak tray" }))).toMatchObject({ ok: false, code: "forbidden" });
    caller.role = "customer";
    expect(await createProduct(null, form({ slug, title: "Oak tray" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await sql`select 1 from products where slug = ${slug}`).toHaveLength(0);
  });

  it("undoes a change whose handler forgot to describe it", async () => {
    const slug = `audit-test-${randomUUID().slice(0, 8)}`;
    const silent = adminAction("catalog:write", renameSchema, async (input, { tx }) => {
      await tx.execute(dsql`insert into products (slug, title) values (${input.slug}, ${input.title})`);
      return { data: null, audit: [] };
    });
    await expect(silent(null, form({ slug, title: "Unlogged" }))).rejects.toThrow(/audit log/);
    expect(await sql`select 1 from products where slug = ${slug}`).toHaveLength(0);
  });

  it("shows every field error and changes nothing for a malformed form", async () => {
    const result = await createProduct(null, form({ slug: "audit-test-x", title: "" }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: expect.any(Array) } });
  });
});

describe("the audit log", () => {
  it("is append-only: entries cannot be changed, removed or truncated", async () => {
    const [row] = await sql`insert into audit_log (actor_id, actor_email, actor_role, action, entity_type, entity_id, summary) values ('a', 'a@example.com', 'admin', 'test.entry', 'test', 'audit-test', 'A test entry') returning id`;
    await expect(sql`update audit_log set summary = 'rewritten' where id = ${row!.id}`).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${row!.id}`).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`).rejects.toThrow(/append-only/);
  });
});
