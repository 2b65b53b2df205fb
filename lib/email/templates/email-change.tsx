import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

export function EmailChangeEmail({ url, siteUrl, hours }: { url: string; siteUrl: string; hours: number }) {
  return (
    <EmailLayout preview="Confirm your new email address" why="someone asked to use this address for their account with us. If it was not you, ignore this email: nothing changes without the link." siteUrl={siteUrl}>
      <Heading as="h1" style={emailStyles.heading}>
        Confirm your new address
      </Heading>
      <Text style={emailStyles.text}>Your account will use this address once you confirm. The link works for {hours} hours.</Text>
      <Button href={url} style={emailStyles.button}>
        Use this address
      </Button>
    </EmailLayout>
  );
}
