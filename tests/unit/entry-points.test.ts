import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { permissions } from "@/lib/auth/permissions";
import { publicActions, routeHandlers } from "@/lib/auth/public-actions";

/*
 * Every way into the app, read from the source: each server action is built by a wrapper that
 * checks its caller (userFormAction), or by a public wrapper and listed with its reason in the
 * reviewed allow-list; each route handler is listed with the check it makes. A new action or
 * handler that is neither fails here until someone decides.
 */

const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(rel, match));
    else if (match(entry.name)) found.push(rel);
  }
  return found;
}

const sources = [...filesUnder("app", (n) => /\.(ts|tsx)$/.test(n)), ...filesUnder("components", (n) => /\.(ts|tsx)$/.test(n)), ...filesUnder("lib", (n) => /\.(ts|tsx)$/.test(n))];

describe("server actions", () => {
  const actionFiles = sources.filter((f) => /^\s*["']use server["'];?/m.test(readFileSync(path.join(root, f), "utf8")));

  it("live only in 'use server' files beside their routes, never inline in a component", () => {
    for (const file of actionFiles) expect(file, file).toMatch(/^app\/.*actions\.ts$/);
  });

  it("are each built by a wrapper: adminAction with a permission, userFormAction, or a public wrapper and listed in the reviewed allow-list", () => {
    const seen: string[] = [];
    for (const file of actionFiles) {
      const source = readFileSync(path.join(root, file), "utf8");
      // Every export of a 'use server' file is a callable endpoint.
      for (const match of source.matchAll(/^export\s+(?:async\s+)?(const|function|let|var|default)\s*(\w*)(.*)$/gm)) {
        const [, kind, name, rest] = match as unknown as [string, string, string, string];
        const where = `${file}#${name}`;
        seen.push(where);
        expect(kind, `${where} must be a const built by a wrapper`).toBe("const");
        const wrapper = /^\s*=\s*(\w+)\(/.exec(rest)?.[1];
        expect(["adminAction", "userFormAction", "publicFormAction", "publicRedirectingAction"], `${where} is built by ${wrapper ?? "no wrapper"}`).toContain(wrapper);
        const listed = publicActions[file]?.[name];
        if (wrapper === "adminAction") {
          // The permission is written where the action is, as a literal a reviewer can read.
          const permission = /^\s*=\s*adminAction\(\s*"([^"]+)"/.exec(rest)?.[1];
          expect(permissions as readonly string[], `${where} names a known permission first`).toContain(permission);
          expect(file, `${where}: staff actions live under app/admin`).toMatch(/^app\/admin\//);
        }
        if (wrapper === "adminAction" || wrapper === "userFormAction") expect(listed, `${where} checks the caller; it must not be in the public list`).toBeUndefined();
        else expect(listed, `${where} is public: add it, with why, to lib/auth/public-actions.ts`).toBeTruthy();
      }
    }
    // The allow-list names only actions that exist.
    for (const [file, names] of Object.entries(publicActions)) for (const name of Object.keys(names)) expect(seen).toContain(`${file}#${name}`);
  });
});

describe("admin pages", () => {
  it("each check a permission before reading anything", () => {
    for (const file of filesUnder("app/admin", (n) => /^page\.tsx$/.test(n))) {
      const source = readFileSync(path.join(root, file), "utf8");
      expect(source, `${file} calls requirePermissionForPage`).toMatch(/requirePermissionForPage\(\s*[^,]+,\s*"[a-z]+:[a-z]+"\s*\)/);
    }
  });

  it("admin route handlers each check a permission", () => {
    for (const file of filesUnder("app/admin", (n) => /^route\.(ts|tsx)$/.test(n))) {
      const source = readFileSync(path.join(root, file), "utf8");
      expect(source, `${file} calls requirePermission`).toMatch(/requirePermission\(\s*"[a-z]+:[a-z]+"\s*\)/);
    }
  });

  it("outside app/admin, nothing asks for a staff permission (one place to review)", () => {
    for (const file of sources.filter((f) => !f.startsWith("app/admin/") && !f.startsWith("lib/"))) {
      expect(readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/adminAction\(/);
    }
  });
});

describe("route handlers", () => {
  it("are each listed with the check they make", () => {
    const handlers = filesUnder("app", (n) => /^route\.(ts|tsx)$/.test(n));
    const seen: string[] = [];
    for (const file of handlers) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const match of source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) {
        seen.push(`${file} ${match[1]}`);
        expect(routeHandlers[file]?.[match[1]!], `${file} ${match[1]} is not in lib/auth/public-actions.ts`).toBeTruthy();
      }
      // `export const { GET, POST } = …` would hide methods from the pattern above.
      expect(source, `${file}: export each method by name`).not.toMatch(/^export\s+const\s*\{/m);
    }
    for (const [file, methods] of Object.entries(routeHandlers)) for (const method of Object.keys(methods)) expect(seen).toContain(`${file} ${method}`);
  });
});
