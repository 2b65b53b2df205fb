import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

/** A sign-in link that also says who added the reader to the shop's team, and as what. */
export function StaffInvitationEmail({ url, siteUrl, minutes, invitedBy, role, roleDescription, shopName }: { url: string; siteUrl: string; minutes: number; invitedBy: string; role: string; roleDescription: string; shopName: string }) {
  return (
    <EmailLayout preview={`${invitedBy} added you to ${shopName}'s team`} why={`${invitedBy} added this address to the shop's team. If you did not expect it, ignore this email and tell them.`} siteUrl={siteUrl}>
      <Heading as="h1" style={emailStyles.heading}>
        You are invited to run {shopName}
      </Heading>
      <Text style={emailStyles.text}>
        {invitedBy} has added you to the team as <strong>{role}</strong>: {roleDescription.charAt(0).toLowerCase() + roleDescription.slice(1)}.
      </Text>
      <Text style={emailStyles.text}>Sign in with the button below; there is no password. The link works once, for {minutes} minutes. Later, sign in from the shop&apos;s sign-in page with this address.</Text>
      <Button href={url} style={emailStyles.button}>
        Sign in to the shop&apos;s admin
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: 20 }}>Or paste this address into your browser: {url}</Text>
    </EmailLayout>
  );
}
