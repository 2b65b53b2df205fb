import { Button, Heading, Text } from "@react-email/components";
import type { OrderStatus } from "@/db/schema/orders";
import { EmailLayout, emailStyles } from "./email-layout";

/** The step an order reached, as the shopper's email tells it. */
export type OrderStatusEmailProps = {
  status: Exclude<OrderStatus, "awaiting_payment">;
  orderNumber: string;
  orderUrl: string;
  siteUrl: string;
  shipment?: { carrier: string; trackingNumber: string } | null;
  /** Formatted, e.g. "£12.50". */
  refundedAmount?: string | null;
};

/** Subject line and opening sentence per status, in the shopper's words (never the merchant's). */
export const orderStatusEmailWords: Record<OrderStatusEmailProps["status"], { subject: (n: string) => string; heading: string; body: string }> = {
  paid: { subject: (n) => `We have your payment for order ${n}`, heading: "Payment received", body: "Thank you: your payment has arrived and we are getting your order ready." },
  fulfilled: { subject: (n) => `Order ${n} is packed`, heading: "Your order is packed", body: "Your order is packed and will be handed to the carrier soon." },
  shipped: { subject: (n) => `Order ${n} has shipped`, heading: "Your order is on its way", body: "Your order has left us and is with the carrier." },
  delivered: { subject: (n) => `Order ${n} was delivered`, heading: "Delivered", body: "The carrier tells us your order has been delivered. We hope you enjoy it." },
  cancelled: {
    subject: (n) => `Order ${n} has been cancelled`,
    heading: "Your order has been cancelled",
    body: "We have cancelled your order. If you had already paid, we will refund you and email you when we do. Reply to this email if this is a surprise.",
  },
  refunded: { subject: (n) => `Refund for order ${n}`, heading: "We have refunded you", body: "We have sent your refund. Depending on your bank it can take a few days to appear." },
};

export function OrderStatusEmail({ status, orderNumber, orderUrl, siteUrl, shipment, refundedAmount }: OrderStatusEmailProps) {
  const words = orderStatusEmailWords[status];
  return (
    <EmailLayout preview={words.subject(orderNumber)} why={`you placed order ${orderNumber} in our shop.`} siteUrl={siteUrl}>
      <Heading as="h1" style={emailStyles.heading}>
        {words.heading}
      </Heading>
      <Text style={emailStyles.text}>
        Order {orderNumber}. {words.body}
      </Text>
      {status === "shipped" && shipment ? (
        <Text style={emailStyles.text}>
          Carrier: {shipment.carrier}
          <br />
          Tracking number: {shipment.trackingNumber}
        </Text>
      ) : null}
      {status === "refunded" && refundedAmount ? <Text style={emailStyles.text}>Amount refunded: {refundedAmount}</Text> : null}
      <Button href={orderUrl} style={emailStyles.button}>
        View order {orderNumber}
      </Button>
    </EmailLayout>
  );
}
