import { createElement, type ReactElement } from "react";
import { siteUrl } from "@/lib/env";
import { CampaignEmail, type CampaignEmailProps } from "@/lib/email/templates/campaign";
import { listUnsubscribeHeaders, preferencesUrl, unsubscribeUrl } from "@/lib/newsletter/links";
import { subscriptionReason } from "@/lib/newsletter/why";

/*
 * One campaign email for one recipient, built in one place: the admin's live preview, the
 * "send a test to me" button and the real send (lib/marketing/sender.ts) all call
 * campaignEmailFor, so what the marketer sees is what every recipient gets.
 */

/** What a campaign says; frozen once it starts sending. A saved campaign's id goes into its
 * unsubscribe links, so the campaign's unsubscribes can be counted (previews have none). */
export type CampaignContent = { id?: string; subject: string; preheader: string; body: string; topic: string };

/** The grant a recipient is sent under (campaign_recipients' snapshot of it). */
export type CampaignRecipientRef = { subscriberId: string; consentSource: string; consentAt: Date };

export type BuiltCampaignEmail = {
  subject: string;
  /** The "why you get this" sentence (the sender fills it in per recipient). */
  why: string;
  react: ReactElement<CampaignEmailProps>;
  /** List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), naming this recipient. */
  headers: Record<string, string>;
};

export function campaignEmailFor({ campaign, recipient }: { campaign: CampaignContent; recipient: CampaignRecipientRef }): BuiltCampaignEmail {
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

/**
 * No subscriber has this id: the preference and unsubscribe links in a preview or a test email
 * are real, signed links, and they only ever answer "this link is not valid".
 */
export const SAMPLE_SUBSCRIBER_ID = "00000000-0000-4000-8000-000000000000";

/** The stand-in recipient of previews and tests: signed up on the newsletter page today. */
export function sampleRecipient(now = new Date()): CampaignRecipientRef {
  return { subscriberId: SAMPLE_SUBSCRIBER_ID, consentSource: "newsletter-page", consentAt: now };
}
