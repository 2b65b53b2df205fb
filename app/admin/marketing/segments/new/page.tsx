import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/page-header";
import { SegmentEditor } from "@/components/admin/segments/segment-editor";
import { listCollectionChoices } from "@/db/queries/admin-products";
import { listSignupSources } from "@/db/queries/segments";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";

export const metadata: Metadata = { title: "New segment" };
export const instant = false;

export default async function NewSegmentPage() {
  await requirePermissionForPage("/admin/marketing/segments/new", "marketing:write");
  const [sources, collections] = await Promise.all([listSignupSources(), listCollectionChoices()]);
  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/marketing/segments" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Segments
          </Link>
        }
        title="New segment"
        description="Rules narrow a campaign’s audience; every rule must hold. The count beside them updates as you change them."
      />
      <SegmentEditor topics={newsletterTopics} sources={sources} collections={collections} />
    </div>
  );
}
