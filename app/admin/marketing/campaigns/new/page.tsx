import type { Metadata } from "next";
import Link from "next/link";
import { CampaignEditor } from "@/components/admin/campaigns/campaign-editor";
import { AdminPageHeader } from "@/components/admin/page-header";
import { listSegmentChoices } from "@/db/queries/segments";
import { requirePermissionForPage } from "@/lib/auth/session";
import { newsletterTopics } from "@/lib/consent/purposes";
import { renderEmail } from "@/lib/email/render";
import { campaignEmailFor, sampleRecipient } from "@/lib/marketing/campaign-email";
import type { CampaignFormValues } from "@/lib/validations/campaign";

export const metadata: Metadata = { title: "New campaign" };
export const instant = false;

const starter = `# A new batch is out of the kiln

Write your news here. **Bold**, [links](https://example.com) and lists work:

- what is new
- what is back in stock
`;

export default async function NewCampaignPage() {
  const staff = await requirePermissionForPage("/admin/marketing/campaigns/new", "marketing:write");
  const values: CampaignFormValues = { subject: "", preheader: "", topic: newsletterTopics[0].id, segmentId: "", body: starter };
  const email = campaignEmailFor({ campaign: values, recipient: sampleRecipient() });
  const [segments, preview] = await Promise.all([listSegmentChoices(), renderEmail(email.react)]);
  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/marketing/campaigns" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Campaigns
          </Link>
        }
        title="New campaign"
      />
      <CampaignEditor saved={values} topics={newsletterTopics} segments={segments} initialPreview={{ subject: email.subject, ...preview }} staffEmail={staff.email} />
    </div>
  );
}
