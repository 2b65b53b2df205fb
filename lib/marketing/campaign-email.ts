import { createElement } from "react";
import { siteUrl } from "@/lib/env";
import { CampaignEmail } from "@/lib/email/templates/campaign";
import { listUnsubscribeHeaders, preferencesUrl, unsubscribeUrl } from "@/lib/newsletter/links";
import { subscriptionReason } from "@/lib/newsletter/why";

export type CampaignContent = { id: string; subject: string; preheader: string; body: string; topic: string };
export type CampaignRecipient = { subscriberId: string; consentSource: string; consentAt: Date };

/**
 * One recipient's copy of a campaign: the same component the admin preview renders, with this
 * person's why-line (the grant it is sent under), preference and unsubscribe links and the
 * one-click List-Unsubscribe headers (RFC 8058).
 */
export function campaignEmailFor({ campaign, recipient }: { campaign: CampaignContent; recipient: CampaignRecipient }) {
  const why = subscriptionReason([{ purpose: campaign.topic, at: recipient.consentAt, source: recipient.consentSource }]);
  return {
    subject: campaign.subject,
    why,
    headers: listUnsubscribeHeaders(recipient.subscriberId, campaign.id),
    react: createElement(CampaignEmail, {
      siteUrl: siteUrl(),
      subject: campaign.subject,
      preheader: campaign.preheader,
      body: campaign.body,
      why,
      preferencesUrl: preferencesUrl(recipient.subscriberId),
      unsubscribeUrl: unsubscribeUrl(recipient.subscriberId, campaign.id),
    }),
  };
}
