import { Button, Heading, Section, Text } from "@react-email/components";
import type { OrderDetailDto } from "@/db/queries/orders";
import { formatMoney } from "@/lib/money";
import type { PaymentNextStep } from "@/lib/payments/provider";
import { EmailLayout, emailStyles } from "./email-layout";

export function OrderConfirmationEmail({ order, orderUrl, siteUrl, payment }: { order: OrderDetailDto; orderUrl: string; siteUrl: string; payment: PaymentNextStep }) {
  const money = (amount: number) => formatMoney({ amount, currency: order.currency });
  return (
    <EmailLayout preview={`Order ${order.number}: thank you`} why={`you placed order ${order.number} in our shop.`} siteUrl={siteUrl}>
      <Heading as="h1" style={emailStyles.heading}>
        Thank you for your order {order.number}
      </Heading>
      <Text style={emailStyles.text}>We have your order and will post it as soon as it is paid. You can see it at any time here:</Text>
      <Button href={orderUrl} style={emailStyles.button}>
        View order {order.number}
      </Button>
      <Section style={{ margin: "24px 0 0" }}>
        {order.items.map((item) => (
          <Text key={item.sku} style={emailStyles.text}>
            {item.quantity} × {item.productTitle}
            {item.variantTitle ? ` (${item.variantTitle})` : ""} — {money(item.lineTotal)}
          </Text>
        ))}
        {order.totals.discount > 0 ? <Text style={emailStyles.muted}>Discount {order.discountCode}: −{money(order.totals.discount)}</Text> : null}
        <Text style={emailStyles.muted}>Delivery: {order.totals.shipping === 0 ? "free" : money(order.totals.shipping)}</Text>
        <Text style={{ ...emailStyles.text, fontWeight: 600 }}>
          Total {money(order.totals.total)} {order.pricesIncludeTax ? `(includes ${money(order.totals.tax)} VAT)` : ""}
        </Text>
      </Section>
      {payment.kind === "instructions" ? (
        <Section>
          <Heading as="h2" style={{ ...emailStyles.heading, fontSize: 18 }}>
            {payment.title}
          </Heading>
          {payment.lines.map((line) => (
            <Text key={line} style={emailStyles.text}>
              {line}
            </Text>
          ))}
        </Section>
      ) : null}
      <Text style={emailStyles.muted}>
        Delivering to {order.shipping.name}, {order.shipping.line1}
        {order.shipping.line2 ? `, ${order.shipping.line2}` : ""}, {order.shipping.city} {order.shipping.postalCode}, {order.shipping.country}.
      </Text>
    </EmailLayout>
  );
}
