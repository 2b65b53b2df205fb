import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { shopConfig } from "@/lib/shop-config";
import { emailShop } from "./shop-context";

const colors = { ink: "#1f1c1a", muted: "#5c554f", line: "#e3ddd4", surface: "#faf8f5", accent: "#a9471f" };

/**
 * The frame every Hearth email shares. `why` is required: every email says why the reader
 * got it. Marketing emails add their own footer with preference and unsubscribe links.
 */
export function EmailLayout({ preview, why, siteUrl, children, footer }: { preview: string; why: string; siteUrl: string; children: ReactNode; footer?: ReactNode }) {
  const shop = emailShop.getStore();
  if (!shop) throw new Error("Emails are rendered by sendEmail, which provides the shop's details");
  return (
    <Html lang={shopConfig.locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.surface, color: colors.ink, fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: `1px solid ${colors.line}`, borderRadius: 12, maxWidth: 560, padding: "32px 28px" }}>
          <Text style={{ fontFamily: "Georgia, serif", fontSize: 22, fontWeight: 600, margin: "0 0 24px" }}>
            <Link href={siteUrl} style={{ color: colors.ink, textDecoration: "none" }}>
              {shop.name}
            </Link>
          </Text>
          {children}
          <Hr style={{ borderColor: colors.line, margin: "32px 0 16px" }} />
          <Section>
            <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: 0 }}>Why you got this email: {why}</Text>
            {footer}
            <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: "8px 0 0" }}>
              {shop.name} · <Link href={`${siteUrl}/privacy`} style={{ color: colors.muted }}>Privacy notice</Link> · {shop.contactEmail}
            </Text>
            {/* The sender's postal address: required in marketing email (CAN-SPAM, PECR guidance). */}
            <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: "4px 0 0" }}>{shop.postalAddress}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const emailStyles = {
  heading: { fontFamily: "Georgia, serif", fontSize: 24, lineHeight: "30px", margin: "0 0 12px", color: colors.ink },
  text: { fontSize: 15, lineHeight: "24px", margin: "0 0 14px", color: colors.ink },
  muted: { fontSize: 13, lineHeight: "20px", margin: "0 0 10px", color: colors.muted },
  button: { backgroundColor: colors.accent, borderRadius: 999, color: "#ffffff", display: "inline-block", fontSize: 15, fontWeight: 600, padding: "12px 22px", textDecoration: "none" },
};
