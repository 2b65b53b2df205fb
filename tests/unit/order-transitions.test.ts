import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/db/schema/orders";
import { decideTransition, orderTransitions, refundableAmount, refusalFor, transitionsFor, wasPaid, type OrderState, type OrderTransition } from "@/lib/orders/transitions";

const state = (status: OrderStatus, extra: Partial<OrderState> = {}): OrderState => ({ status, paid: wasPaid(status, null), totalAmount: 5000, refundedAmount: 0, ...extra });

/** The transitions each status allows, as the merchant's desk documents them. */
const allowed: Record<OrderStatus, OrderTransition[]> = {
  awaiting_payment: ["mark_paid", "cancel"],
  paid: ["fulfil", "cancel"],
  fulfilled: ["ship", "cancel"],
  shipped: ["deliver", "refund"],
  delivered: ["refund"],
  cancelled: [],
  refunded: [],
};

describe("the order state machine", () => {
  for (const [status, open] of Object.entries(allowed) as [OrderStatus, OrderTransition[]][]) {
    it(`allows exactly ${open.join(", ") || "nothing"} from ${status}`, () => {
      const opened = transitionsFor(state(status)).filter((t) => t.refusal === null).map((t) => t.transition);
      expect(opened).toEqual(open);
    });
  }

  it("walks an order from payment to delivery", () => {
    let s = state("awaiting_payment");
    const steps = [
      { transition: "mark_paid" as const },
      { transition: "fulfil" as const },
      { transition: "ship" as const, carrier: "Royal Mail", trackingNumber: "RM123" },
      { transition: "deliver" as const },
    ];
    const seen: OrderStatus[] = [];
    for (const step of steps) {
      const decision = decideTransition(s, step);
      expect(decision.ok).toBe(true);
      if (!decision.ok) return;
      seen.push(decision.to);
      s = state(decision.to);
    }
    expect(seen).toEqual(["paid", "fulfilled", "shipped", "delivered"]);
  });

  it("refuses to ship an unpaid order, and says it is unpaid rather than unpacked", () => {
    expect(decideTransition(state("awaiting_payment"), { transition: "ship", carrier: "DPD", trackingNumber: "1" })).toEqual({ ok: false, refusal: "not_paid" });
    expect(refusalFor(state("paid"), "ship")).toBe("not_fulfilled");
  });

  it("refuses to cancel once the order has shipped or been delivered", () => {
    expect(refusalFor(state("shipped"), "cancel")).toBe("shipped_cannot_cancel");
    expect(refusalFor(state("delivered"), "cancel")).toBe("shipped_cannot_cancel");
    expect(refusalFor(state("cancelled"), "cancel")).toBe("cancelled");
  });

  it("refunds once only", () => {
    expect(decideTransition(state("delivered"), { transition: "refund", amount: 5000 })).toEqual({ ok: true, to: "refunded" });
    expect(decideTransition(state("refunded", { refundedAmount: 5000 }), { transition: "refund", amount: 1 })).toEqual({ ok: false, refusal: "refunded" });
  });

  it("refunds only what was paid, and only orders someone paid for", () => {
    expect(decideTransition(state("shipped"), { transition: "refund", amount: 5001 })).toEqual({ ok: false, refusal: "refund_amount_too_large" });
    expect(decideTransition(state("shipped"), { transition: "refund", amount: 0 })).toEqual({ ok: false, refusal: "refund_amount_invalid" });
    expect(decideTransition(state("shipped"), { transition: "refund", amount: 12.5 })).toEqual({ ok: false, refusal: "refund_amount_invalid" });
    expect(refusalFor(state("awaiting_payment"), "refund")).toBe("never_paid");
    // Cancelled before anyone paid: nothing to give back. Cancelled after payment: the money goes back.
    expect(refusalFor(state("cancelled"), "refund")).toBe("never_paid");
    expect(decideTransition(state("cancelled", { paid: true }), { transition: "refund", amount: 2500 })).toEqual({ ok: true, to: "refunded" });
    expect(refundableAmount(state("cancelled"))).toBe(0);
    expect(refundableAmount(state("delivered", { refundedAmount: 1000 }))).toBe(4000);
  });

  it("asks for a paid order that has not shipped to be cancelled before it is refunded", () => {
    expect(refusalFor(state("paid"), "refund")).toBe("cancel_before_refund");
    expect(refusalFor(state("fulfilled"), "refund")).toBe("cancel_before_refund");
  });

  it("needs a carrier and a tracking number to ship", () => {
    expect(decideTransition(state("fulfilled"), { transition: "ship", carrier: " ", trackingNumber: "RM1" })).toEqual({ ok: false, refusal: "shipment_details_missing" });
    expect(decideTransition(state("fulfilled"), { transition: "ship", carrier: "Evri", trackingNumber: "" })).toEqual({ ok: false, refusal: "shipment_details_missing" });
  });

  it("never moves an order backwards or repeats a step", () => {
    expect(refusalFor(state("paid"), "mark_paid")).toBe("already_paid");
    expect(refusalFor(state("shipped"), "fulfil")).toBe("already_fulfilled");
    expect(refusalFor(state("delivered"), "ship")).toBe("already_shipped");
    expect(refusalFor(state("delivered"), "deliver")).toBe("already_delivered");
    expect(refusalFor(state("fulfilled"), "deliver")).toBe("not_shipped");
    for (const transition of orderTransitions) expect(refusalFor(state("refunded"), transition)).toBe("refunded");
  });

  it("knows an order was paid from its status, or for a cancelled one from the recorded payment", () => {
    expect(wasPaid("awaiting_payment", null)).toBe(false);
    expect(wasPaid("fulfilled", null)).toBe(true);
    expect(wasPaid("cancelled", null)).toBe(false);
    expect(wasPaid("cancelled", new Date())).toBe(true);
  });
});
