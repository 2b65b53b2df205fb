import type { OrderStatus } from "@/db/schema/orders";

/*
 * What staff may do to an order, and from which states. Pure: the order desk's server actions
 * ask it inside the order's row lock, and the order page asks it to show only what can be done.
 *
 *   mark_paid  awaiting_payment → paid        the payment has arrived
 *   fulfil     paid → fulfilled               packed, ready for the carrier
 *   ship       fulfilled → shipped            with a carrier and a tracking number
 *   deliver    shipped → delivered
 *   cancel     awaiting_payment | paid | fulfilled → cancelled
 *              Not once it has shipped: the parcel is gone, so the stock cannot come back and
 *              the money goes back by a refund instead. Cancelling restocks the items and gives
 *              back the discount code's use.
 *   refund     shipped | delivered | cancelled-after-payment → refunded, once, at most what was paid
 *              Never for an order nobody paid. A paid order that has not shipped is cancelled
 *              first (that puts its items back on the shelf), then refunded; refunding it
 *              directly would leave its stock taken for a parcel that will never go.
 *
 * cancelled (unpaid), delivered-then-refunded and refunded are the ends of the line.
 */

export const orderTransitions = ["mark_paid", "fulfil", "ship", "deliver", "cancel", "refund"] as const;
export type OrderTransition = (typeof orderTransitions)[number];

/** The status each transition leads to. */
export const transitionTarget: Record<OrderTransition, OrderStatus> = {
  mark_paid: "paid",
  fulfil: "fulfilled",
  ship: "shipped",
  deliver: "delivered",
  cancel: "cancelled",
  refund: "refunded",
};

export type OrderState = {
  status: OrderStatus;
  /** A payment was recorded (paid_at), or the status implies one. */
  paid: boolean;
  /** Minor units: what the shopper was charged, and what has already gone back. */
  totalAmount: number;
  refundedAmount: number;
};

/** Why a transition is refused; the merchant's wording for each is beside the admin components. */
export type TransitionRefusal =
  | "already_paid"
  | "not_paid"
  | "already_fulfilled"
  | "not_fulfilled"
  | "already_shipped"
  | "not_shipped"
  | "already_delivered"
  | "cancelled"
  | "refunded"
  | "shipped_cannot_cancel"
  | "never_paid"
  | "cancel_before_refund"
  | "refund_amount_invalid"
  | "refund_amount_too_large"
  | "shipment_details_missing";

export type TransitionRequest =
  | { transition: "mark_paid" | "fulfil" | "deliver" | "cancel" }
  | { transition: "ship"; carrier: string; trackingNumber: string }
  | { transition: "refund"; amount: number };

export type TransitionDecision = { ok: true; to: OrderStatus } | { ok: false; refusal: TransitionRefusal };

const rank: Record<OrderStatus, number> = { awaiting_payment: 0, paid: 1, fulfilled: 2, shipped: 3, delivered: 4, cancelled: -1, refunded: -1 };

/** Whether the order has the status `step` or a later one on the way to delivery. */
const reached = (status: OrderStatus, step: OrderStatus) => rank[status] >= rank[step];

/** Whether `transition` may happen to an order in `state` (details such as an amount aside). */
export function refusalFor(state: OrderState, transition: OrderTransition): TransitionRefusal | null {
  const { status } = state;
  if (status === "refunded") return "refunded";
  if (status === "cancelled") {
    if (transition !== "refund") return "cancelled";
    return state.paid ? null : "never_paid";
  }
  switch (transition) {
    case "mark_paid":
      return status === "awaiting_payment" ? null : "already_paid";
    case "fulfil":
      if (status === "awaiting_payment") return "not_paid";
      return status === "paid" ? null : "already_fulfilled";
    case "ship":
      if (status === "awaiting_payment") return "not_paid";
      if (status === "paid") return "not_fulfilled";
      return status === "fulfilled" ? null : "already_shipped";
    case "deliver":
      if (status === "awaiting_payment") return "not_paid";
      if (!reached(status, "shipped")) return "not_shipped";
      return status === "shipped" ? null : "already_delivered";
    case "cancel":
      return reached(status, "shipped") ? "shipped_cannot_cancel" : null;
    case "refund":
      if (status === "awaiting_payment") return "never_paid";
      return reached(status, "shipped") ? null : "cancel_before_refund";
  }
}

/** The whole decision, including the details a transition carries (a tracking number, an amount). */
export function decideTransition(state: OrderState, request: TransitionRequest): TransitionDecision {
  const refusal = refusalFor(state, request.transition);
  if (refusal) return { ok: false, refusal };
  if (request.transition === "ship" && (!request.carrier.trim() || !request.trackingNumber.trim())) return { ok: false, refusal: "shipment_details_missing" };
  if (request.transition === "refund") {
    if (!Number.isInteger(request.amount) || request.amount <= 0) return { ok: false, refusal: "refund_amount_invalid" };
    if (request.amount > refundableAmount(state)) return { ok: false, refusal: "refund_amount_too_large" };
  }
  return { ok: true, to: transitionTarget[request.transition] };
}

/** What may still be paid back: what was paid, less what already was. */
export function refundableAmount(state: OrderState): number {
  return state.paid ? Math.max(0, state.totalAmount - state.refundedAmount) : 0;
}

/** Every transition with whether it is open now and, if not, why: for the order page. */
export function transitionsFor(state: OrderState): { transition: OrderTransition; refusal: TransitionRefusal | null }[] {
  return orderTransitions.map((transition) => ({ transition, refusal: refusalFor(state, transition) }));
}

/** A payment is implied by every status on the way to delivery; for a cancelled order only paid_at says so. */
export function wasPaid(status: OrderStatus, paidAt: Date | null): boolean {
  return paidAt !== null || (reached(status, "paid") && status !== "cancelled") || status === "refunded";
}
