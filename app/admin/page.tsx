import type { Metadata } from "next";
import Link from "next/link";
import { navigationFor } from "@/lib/admin/navigation";
import { requirePermissionForPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Overview" };
export const instant = false;

export default async function AdminOverviewPage() {
  const staff = await requirePermissionForPage("/admin", "reports:read");
  const areas = navigationFor(staff.role).filter((item) => item.href !== "/admin");
  return (
    <div>
      <h1 className="text-3xl">Overview</h1>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {areas.map((area) => (
          <li key={area.href}>
            <Link href={area.href} className="block rounded-lg border border-line bg-surface-raised p-4 font-medium hover:bg-surface-sunken">
              {area.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
