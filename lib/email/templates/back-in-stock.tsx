import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./email-layout";

type Item = { productTitle: string; optionLabel: string; productUrl: string; siteUrl: string };

const itemName = ({ productTitle, optionLabel }: Pick<Item, "productTitle" | "optionLabel">) => (optionLabel ? `${productTitle} (${optionLabel})` : productTitle);

/** The one email a back-in-stock request gets. It is the service asked for, not marketing. */
export function BackInStockEmail(props: Item) {
  const name = itemName(props);
  return (
    <EmailLayout
      preview={`${name} is back in stock`}
      why="you asked us to email you once when this was back in stock. This was that one email: your request has now ended, and you are not on any mailing list."
      siteUrl={props.siteUrl}
    >
      <Heading as="h1" style={emailStyles.heading}>
        It&apos;s back
      </Heading>
      <Text style={emailStyles.text}>{name} is back in stock. We make small batches, so it may not stay long.</Text>
      <Button href={props.productUrl} style={emailStyles.button}>
        See {props.productTitle}
      </Button>
    </EmailLayout>
  );
}

export const backInStockSubject = (item: Pick<Item, "productTitle" | "optionLabel">) => `${itemName(item)} is back in stock`;

/** A guest's double opt-in: nothing is recorded as wanted until this link is used. */
export function BackInStockConfirmEmail(props: Item & { confirmUrl: string; days: number }) {
  const name = itemName(props);
  return (
    <EmailLayout
      preview="Please confirm your back-in-stock request"
      why="someone asked us to email this address when an item is back in stock. If it was not you, ignore this email: nothing will be sent."
      siteUrl={props.siteUrl}
    >
      <Heading as="h1" style={emailStyles.heading}>
        Confirm your request
      </Heading>
      <Text style={emailStyles.text}>
        You asked for one email when {name} is back in stock. Confirm, and we&apos;ll send that one email, then forget the request. This does not sign you up to our
        newsletter. The link works for {props.days} days.
      </Text>
      <Button href={props.confirmUrl} style={emailStyles.button}>
        Yes, email me once
      </Button>
    </EmailLayout>
  );
}
