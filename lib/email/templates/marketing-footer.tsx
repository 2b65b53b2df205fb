import { Link, Text } from "@react-email/components";

const style = { color: "#5c554f", fontSize: 12, lineHeight: "18px", margin: "8px 0 0" };

/** Under every marketing email: how to change topics or leave, one click each. */
export function MarketingFooter({ preferencesUrl, unsubscribeUrl }: { preferencesUrl: string; unsubscribeUrl: string }) {
  return (
    <Text style={style}>
      <Link href={preferencesUrl} style={{ color: "#5c554f" }}>
        Choose which emails you get
      </Link>{" "}
      ·{" "}
      <Link href={unsubscribeUrl} style={{ color: "#5c554f" }}>
        Unsubscribe from all
      </Link>
    </Text>
  );
}
