"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { orderChangedMessage, refusalMessage } from "@/components/admin/orders/order-wording";
import { lockOrderForChange, recordOrderStep, releaseDiscountUse, restockOrderItems, type LockedOrder, type RestockedVariant } from "@/db/queries/admin-orders";
import { adminAction, type AdminChange, type AdminContext } from "@/lib/actions";
import { refreshStockShownAfterRestock } from "@/lib/catalog/mutations";
import { AppError } from "@/lib/errors";
import { minorUnitDigits, parseMajorUnits } from "@/lib/money";
import { cancelOrderSchema, orderStepSchema, refundOrderSchema, shipOrderSchema } from "@/lib/orders/order-step-schemas";
import { decideTransition, transitionTarget, wasPaid, type OrderTransition, type TransitionRequest } from "@/lib/orders/transitions";

/*
 * The order desk's status changes. Each takes the order's row lock, checks that the order is
 * still in the status the staff member saw (two people clicking at once: the second is told the
 * order changed, and nothing happens), asks the state machine (lib/orders/transitions.ts), then
 * writes the new status, the history entry with who did it, the shopper's email (in the outbox,
 * same transaction) and, through adminAction, the audit entry.
 */

type StepInput = z.infer<typeof orderStepSchema> & { reason?: string };
type StepResult = { orderId: string; status: string };

const fieldFor: Partial<Record<string, string>> = { refund_amount_invalid: "amount", refund_amount_too_large: "amount" };

async function takeStep(
  transition: OrderTransition,
  input: StepInput,
  { staff, tx }: AdminContext,
  details: (order: LockedOrder) => { request: TransitionRequest; carrier?: string; trackingNumber?: string; amount?: number } = () => ({ request: { transition } as TransitionRequest }),
): Promise<AdminChange<StepResult>> {
  const order = await lockOrderForChange(tx, input.orderId);
  if (!order) throw new AppError("not_found", "This order could not be found. It may have been removed; reload the order list.");
  if (order.status !== input.expectedStatus) throw new AppError("conflict", orderChangedMessage(order.status));
  const { request, carrier, trackingNumber, amount } = details(order);
  const decision = decideTransition({ status: order.status, paid: wasPaid(order.status, order.paidAt), totalAmount: order.totalAmount, refundedAmount: order.refundedAmount }, request);
  if (!decision.ok) {
    const field = fieldFor[decision.refusal];
    const message = refusalMessage[decision.refusal];
    throw field ? new AppError("invalid", "Please check the highlighted fields.", { [field]: [message] }) : new AppError("conflict", message);
  }

  let restocked: RestockedVariant[] = [];
  let releasedCode = false;
  if (transition === "cancel") {
    // Discount before stock: the order in which a checkout takes them, so the two never deadlock.
    if (order.discountCode) releasedCode = await releaseDiscountUse(tx, order.discountCode);
    restocked = await restockOrderItems(tx, order.id);
  }
  const to = transitionTarget[transition];
  const notifyShopper = input.notify && order.reachable;
  await recordOrderStep(tx, {
    orderId: order.id,
    from: order.status,
    to,
    actor: { id: staff.id, label: staff.name?.trim() || staff.email },
    carrier,
    trackingNumber,
    amount,
    reason: input.reason || undefined,
    notifyShopper,
  });

  const extra = [
    // The carrier only: a tracking number leads to the recipient's delivery details, and the
    // audit log outlives an erasure. The number is in the order's own history.
    carrier ? `with ${carrier}` : null,
    amount !== undefined ? `${amount} ${order.currency} (minor units)` : null,
    restocked.length ? `restocked ${restocked.map((r) => r.sku).join(", ")}` : null,
    releasedCode ? `released a use of ${order.discountCode}` : null,
    notifyShopper ? "customer emailed" : null,
  ].filter(Boolean);
  return {
    data: { orderId: order.id, status: to },
    // Names the order by number only: no shopper's name or address in the audit log.
    audit: {
      action: `order.${transition}`,
      entityType: "order",
      entityId: order.id,
      summary: `Order ${order.number}: ${order.status} → ${to}${extra.length ? ` (${extra.join("; ")})` : ""}`,
      before: { status: order.status },
      after: { status: to, ...(carrier ? { carrier } : {}), ...(amount !== undefined ? { refundedAmount: amount } : {}) },
    },
    afterCommit: async () => {
      revalidatePath("/admin/orders", "layout");
      if (restocked.length) await refreshStockShownAfterRestock(restocked);
    },
  };
}

export const markOrderPaidAction = adminAction("orders:write", orderStepSchema, (input, context) => takeStep("mark_paid", input, context));

export const fulfilOrderAction = adminAction("orders:write", orderStepSchema, (input, context) => takeStep("fulfil", input, context));

export const shipOrderAction = adminAction("orders:write", shipOrderSchema, (input, context) =>
  takeStep("ship", input, context, () => ({
    request: { transition: "ship", carrier: input.carrier, trackingNumber: input.trackingNumber },
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
  })),
);

export const deliverOrderAction = adminAction("orders:write", orderStepSchema, (input, context) => takeStep("deliver", input, context));

export const cancelOrderAction = adminAction("orders:write", cancelOrderSchema, (input, context) => takeStep("cancel", input, context));

export const refundOrderAction = adminAction("orders:write", refundOrderSchema, (input, context) =>
  takeStep("refund", input, context, (order) => {
    // The amount is typed in the order's currency; one without minor units takes whole numbers only.
    const amount = minorUnitDigits(order.currency) === 0 && input.amount.includes(".") ? Number.NaN : (parseMajorUnits(input.amount, order.currency) ?? Number.NaN);
    return { request: { transition: "refund", amount }, amount };
  }),
);
