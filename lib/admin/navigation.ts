import type { UserRole } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";

export type AdminNavItem = { href: string; label: string; permission: Permission };

/** The admin areas, in menu order, each with the permission its page checks. */
export const adminNavigation: AdminNavItem[] = [
  { href: "/admin", label: "Overview", permission: "reports:read" },
  { href: "/admin/orders", label: "Orders", permission: "orders:read" },
  { href: "/admin/products", label: "Products", permission: "catalog:read" },
  { href: "/admin/customers", label: "Customers", permission: "customers:read" },
  { href: "/admin/discounts", label: "Discounts", permission: "discounts:read" },
  { href: "/admin/marketing/subscribers", label: "Subscribers", permission: "marketing:read" },
  { href: "/admin/marketing/campaigns", label: "Campaigns", permission: "marketing:read" },
  { href: "/admin/marketing/segments", label: "Segments", permission: "marketing:read" },
  { href: "/admin/marketing/link-page", label: "Link page", permission: "marketing:read" },
  { href: "/admin/marketing/links", label: "Short links", permission: "marketing:read" },
  { href: "/admin/marketing/channels", label: "Channels", permission: "marketing:read" },
  { href: "/admin/marketing", label: "List growth", permission: "marketing:read" },
  { href: "/admin/exports", label: "Exports", permission: "exports:read" },
  { href: "/admin/settings", label: "Settings", permission: "settings:write" },
  { href: "/admin/staff", label: "Staff", permission: "staff:write" },
  { href: "/admin/audit", label: "Audit log", permission: "audit:read" },
];

export function navigationFor(role: UserRole): AdminNavItem[] {
  return adminNavigation.filter((item) => can(role, item.permission));
}
