import type { UserRole } from "@/db/schema";

/*
 * Who may do what in /admin: the one table. Admin actions name the permission they need
 * (adminAction in lib/actions.ts), admin pages and route handlers check it
 * (requirePermissionForPage / requirePermission in lib/auth/session.ts), and the admin
 * navigation shows only what the role may open (lib/admin/navigation.ts).
 */
export const permissions = [
  "reports:read",
  "catalog:read",
  "catalog:write",
  "orders:read",
  "orders:write",
  "customers:read",
  "customers:export",
  "customers:erase",
  "discounts:read",
  "discounts:write",
  "exports:read",
  "settings:write",
  "staff:write",
  "audit:read",
  "marketing:read",
  "marketing:write",
  "marketing:send",
] as const;

export type Permission = (typeof permissions)[number];

const staffPermissions: Permission[] = [
  "reports:read",
  "catalog:read",
  "catalog:write",
  "orders:read",
  "orders:write",
  "customers:read",
  "customers:export",
  "customers:erase",
  "discounts:read",
  "discounts:write",
  "exports:read",
];

export const rolePermissions: Record<UserRole, readonly Permission[]> = {
  customer: [],
  // Runs the shop day to day: never settings, staff, roles or the audit log.
  staff: staffPermissions,
  // The figures and the owned channel (subscribers; campaigns as they arrive).
  marketer: ["reports:read", "marketing:read", "marketing:write", "marketing:send"],
  admin: permissions,
};

export function can(role: UserRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Roles that may open /admin at all. */
export function isStaffRole(role: UserRole): boolean {
  return rolePermissions[role].length > 0;
}

/** How each role is described where an admin assigns it. */
export const roleDescriptions: Record<Exclude<UserRole, "customer">, string> = {
  admin: "Everything, including settings, staff and the audit log",
  staff: "Products, stock, orders, customers and discounts",
  marketer: "The overview, reports and the newsletter list",
};
