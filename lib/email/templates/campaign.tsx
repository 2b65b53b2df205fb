import { Heading, Markdown, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { MarketingFooter } from "./marketing-footer";

export type CampaignEmailProps = {
  siteUrl: string;
  subject: string;
  preheader: string;
  /** The marketer's Markdown. */
  body: string;
  /** "You subscribed to Offers and events on 3 Nov 2026 on the newsletter page." */
  why: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
};

const markdownStyles = {
  h1: emailStyles.heading,
  h2: { ...emailStyles.heading, fontSize: 20, lineHeight: "26px" },
  h3: { ...emailStyles.heading, fontSize: 17, lineHeight: "24px" },
  p: emailStyles.text,
  li: { fontSize: 15, lineHeight: "24px", color: emailStyles.text.color },
  link: { color: "#a9471f" },
  image: { maxWidth: "100%", height: "auto" },
};

/**
 * A newsletter issue: the marketer's Markdown in the shop's frame, with the why-line, the
 * per-recipient preference and unsubscribe links and the postal address (from EmailLayout).
 * The admin preview renders this same component with a sample recipient.
 */
export function CampaignEmail({ siteUrl, subject, preheader, body, why, preferencesUrl, unsubscribeUrl }: CampaignEmailProps) {
  return (
    <EmailLayout preview={preheader || subject} why={why} siteUrl={siteUrl} footer={<MarketingFooter preferencesUrl={preferencesUrl} unsubscribeUrl={unsubscribeUrl} />}>
      {body.trim() ? (
        <Markdown markdownCustomStyles={markdownStyles} markdownContainerStyles={{ padding: 0 }}>
          {body}
        </Markdown>
      ) : (
        <>
          <Heading as="h1" style={emailStyles.heading}>
            {subject}
          </Heading>
          <Text style={emailStyles.muted}>(No text yet.)</Text>
        </>
      )}
    </EmailLayout>
  );
}
