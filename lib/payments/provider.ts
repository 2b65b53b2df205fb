/**
 * How an order gets paid. Placing an order never talks to a payment provider inside the
 * database transaction; a provider only decides what the shopper sees and does next.
 * A card provider (Stripe, Adyen, Mollie…) implements the same shape: `nextStep` returns a
 * redirect to its hosted payment page, and its webhook marks the order paid.
 */
export type PaymentNextStep = { kind: "instructions"; title: string; lines: string[] } | { kind: "redirect"; url: string };

export interface PaymentProvider {
  id: string;
  label: string;
  nextStep(order: { number: string; total: string }): PaymentNextStep;
}

/** Bank transfer or pay on delivery: the order waits as awaiting_payment until the merchant confirms. */
export const manualPayment: PaymentProvider = {
  id: "manual",
  label: "Bank transfer",
  nextStep(order) {
    return {
      kind: "instructions",
      title: "How to pay",
      lines: [
        `Please transfer ${order.total} to Ember & Oak Ltd, sort code 00-00-00, account 00000000.`,
        `Use ${order.number} as the payment reference so we can match it to your order.`,
        "We post your order as soon as the payment arrives, usually within one working day.",
      ],
    };
  },
};

export const paymentProviders: Record<string, PaymentProvider> = { [manualPayment.id]: manualPayment };
export const defaultPaymentProvider = manualPayment;
