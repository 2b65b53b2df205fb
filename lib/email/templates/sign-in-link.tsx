import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

export function SignInLinkEmail({ url, siteUrl, minutes }: { url: string; siteUrl: string; minutes: number }) {
  return (
    <EmailLayout preview="Your sign-in link" why="someone asked to sign in with this address. If it was not you, ignore this email: nothing happens without the link." siteUrl={siteUrl}>
      <Heading as="h1" style={emailStyles.heading}>
        Sign in to your account
      </Heading>
      <Text style={emailStyles.text}>Use the button below to sign in. The link works once, for {minutes} minutes.</Text>
      <Button href={url} style={emailStyles.button}>
        Sign in
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: 20 }}>Or paste this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
