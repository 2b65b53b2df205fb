import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

/** Sent by `npm run email:test` so a merchant can check their email settings end to end. */
export function TestMessageEmail({ siteUrl, sentAt }: { siteUrl: string; sentAt: string }) {
  return (
    <EmailLayout
      preview="Your shop can send email."
      why="someone with access to the shop's server asked to test its email settings."
      siteUrl={siteUrl}
    >
      <Heading as="h1" style={emailStyles.heading}>
        Your shop can send email
      </Heading>
      <Text style={emailStyles.text}>
        This message went through the shop&apos;s email module and your provider at {sentAt}. Order confirmations and sign-in links will
        arrive the same way.
      </Text>
      <Button href={siteUrl} style={emailStyles.button}>
        Open the shop
      </Button>
    </EmailLayout>
  );
}
