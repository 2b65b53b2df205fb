import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";
import { MarketingFooter } from "./marketing-footer";

/** The first marketing email: it already carries the why-line and one-click unsubscribe. */
export function NewsletterWelcomeEmail({ siteUrl, why, topics, preferencesUrl, unsubscribeUrl }: { siteUrl: string; why: string; topics: string[]; preferencesUrl: string; unsubscribeUrl: string }) {
  return (
    <EmailLayout preview="You're subscribed" why={why} siteUrl={siteUrl} footer={<MarketingFooter preferencesUrl={preferencesUrl} unsubscribeUrl={unsubscribeUrl} />}>
      <Heading as="h1" style={emailStyles.heading}>
        Welcome to the workshop
      </Heading>
      <Text style={emailStyles.text}>
        Thank you for subscribing to {topics.join(" and ")}. We write when there is something worth telling: a new glaze, a fresh roast, a workshop open day. Never more than a few times a month.
      </Text>
      <Button href={siteUrl} style={emailStyles.button}>
        Visit the shop
      </Button>
    </EmailLayout>
  );
}
