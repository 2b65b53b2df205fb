import type { Metadata } from "next";
import Link from "next/link";
import { LinkBuilder } from "@/components/admin/links/link-builder";
import { AdminPageHeader } from "@/components/admin/page-header";
import { listDestinationChoices } from "@/db/queries/tracked-links";
import { requirePermissionForPage } from "@/lib/auth/session";
import { siteUrl } from "@/lib/env";

export const metadata: Metadata = { title: "New short link" };
export const instant = false;

export default async function NewTrackedLinkPage() {
  await requirePermissionForPage("/admin/marketing/links/new", "marketing:write");
  const choices = await listDestinationChoices();
  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/marketing/links" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Short links
          </Link>
        }
        title="New short link"
        description="One link per post or placement, so you can tell them apart later."
      />
      <LinkBuilder origin={siteUrl()} choices={choices} />
    </div>
  );
}
