import type { OrderStatus } from "@/db/schema/orders";
import type { OrderTransition, TransitionRefusal } from "@/lib/orders/transitions";

/*
 * How the order desk names things for the merchant. The shopper's words for the same statuses
 * ("Waiting for your payment") are in components/shop/order-details.tsx.
 */

export const merchantStatusLabel: Record<OrderStatus, string> = {
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  fulfilled: "Fulfilled",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

export const merchantStatusTone: Record<OrderStatus, "neutral" | "accent" | "success" | "warning" | "danger"> = {
  awaiting_payment: "warning",
  paid: "accent",
  fulfilled: "accent",
  shipped: "success",
  delivered: "success",
  cancelled: "neutral",
  refunded: "danger",
};

export const transitionLabel: Record<OrderTransition, string> = {
  mark_paid: "Mark as paid",
  fulfil: "Mark as fulfilled",
  ship: "Mark as shipped",
  deliver: "Mark as delivered",
  cancel: "Cancel order",
  refund: "Refund",
};

/** What the history says happened, e.g. "Marked shipped". */
export const eventLabel: Record<OrderStatus, string> = {
  awaiting_payment: "Order placed",
  paid: "Marked paid",
  fulfilled: "Marked fulfilled",
  shipped: "Marked shipped",
  delivered: "Marked delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

/** Why a step cannot be taken, said so that the merchant knows what to do instead. */
export const refusalMessage: Record<TransitionRefusal, string> = {
  already_paid: "This order is already paid.",
  not_paid: "This order has not been paid yet. Mark it as paid once the payment has arrived.",
  already_fulfilled: "This order has already been fulfilled.",
  not_fulfilled: "This order has not been fulfilled (packed) yet. Mark it as fulfilled first, then ship it.",
  already_shipped: "This order has already been shipped.",
  not_shipped: "This order has not been shipped yet.",
  already_delivered: "This order has already been delivered.",
  cancelled: "This order is cancelled.",
  refunded: "This order has already been refunded. An order is refunded once only.",
  shipped_cannot_cancel: "This order has already shipped, so it cannot be cancelled. Refund it instead once the parcel is back.",
  never_paid: "This order was never paid, so there is nothing to refund.",
  cancel_before_refund: "This order has not shipped. Cancel it first (that puts its items back in stock), then refund the payment.",
  refund_amount_invalid: "Enter an amount greater than zero.",
  refund_amount_too_large: "You cannot refund more than the customer paid.",
  shipment_details_missing: "Enter the carrier and the tracking number.",
};

/** The message for a form that was made for an order that has moved on since. */
export function orderChangedMessage(current: OrderStatus): string {
  return `This order changed while you were looking at it: it is now ${merchantStatusLabel[current]}. Nothing was changed — reload the page to see what happened.`;
}

/** Whether the "Let the customer know" box starts ticked for a step. */
export const notifyByDefault: Record<OrderTransition, boolean> = {
  mark_paid: false,
  fulfil: false,
  ship: true,
  deliver: false,
  cancel: true,
  refund: true,
};
