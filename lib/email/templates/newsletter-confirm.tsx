import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

export function NewsletterConfirmEmail({ url, siteUrl, topics, hours }: { url: string; siteUrl: string; topics: string[]; hours: number }) {
  return (
    <EmailLayout preview="Please confirm your subscription" why="someone asked to subscribe this address to our emails. If it was not you, ignore this email: you will not be subscribed." siteUrl={siteUrl}>
      <Heading as="h1" style={emailStyles.heading}>
        Confirm your subscription
      </Heading>
      <Text style={emailStyles.text}>You asked for: {topics.join(" and ")}. Nothing is sent until you confirm. The link works for {hours} hours.</Text>
      <Button href={url} style={emailStyles.button}>
        Yes, subscribe me
      </Button>
    </EmailLayout>
  );
}
