"use client";

import { useId, useState, type ChangeEvent, type ReactNode } from "react";
import { cancelOrderAction, deliverOrderAction, fulfilOrderAction, markOrderPaidAction, refundOrderAction, shipOrderAction } from "@/app/admin/orders/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Label } from "@/components/ui/input";
import type { OrderStatus } from "@/db/schema/orders";
import type { ActionResult } from "@/lib/actions";
import type { OrderTransition, TransitionRefusal } from "@/lib/orders/transitions";
import { useAdminAction } from "../admin-form";
import { merchantStatusLabel, notifyByDefault, refusalMessage, transitionLabel } from "./order-wording";

type Action = (previous: ActionResult<{ orderId: string; status: string }> | null, formData: FormData) => Promise<ActionResult<{ orderId: string; status: string }>>;

const simpleActions: Partial<Record<OrderTransition, Action>> = { mark_paid: markOrderPaidAction, fulfil: fulfilOrderAction, deliver: deliverOrderAction };

const carriers = ["Royal Mail", "Parcelforce", "DPD", "Evri", "DHL", "UPS"];

export type OrderActionsProps = {
  orderId: string;
  orderNumber: string;
  status: OrderStatus;
  transitions: { transition: OrderTransition; refusal: TransitionRefusal | null }[];
  /** What may be refunded, in major units for the amount field ("48.95"), and formatted ("£48.95"). */
  refundable: { input: string; label: string };
  /** The shopper can be emailed (an erased customer's order cannot). */
  reachable: boolean;
};

function NotifyBox({ transition, reachable }: { transition: OrderTransition; reachable: boolean }) {
  const id = useId();
  if (!reachable) return <p className="text-xs text-ink-muted">The customer erased their data, so they cannot be emailed.</p>;
  return (
    <div className="flex items-center gap-2">
      <Checkbox id={id} name="notify" value="yes" defaultChecked={notifyByDefault[transition]} />
      <Label htmlFor={id} className="font-normal">
        Let the customer know
      </Label>
    </div>
  );
}

function StepForm({ action, transition, orderId, status, reachable, primary }: { action: Action; transition: OrderTransition; orderId: string; status: OrderStatus; reachable: boolean; primary: boolean }) {
  const { state, formAction, pending } = useAdminAction(action, `Order marked ${transitionLabel[transition].replace(/^Mark as /, "")}.`);
  return (
    <form action={formAction} className="space-y-3" aria-label={transitionLabel[transition]}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedStatus" value={status} />
      <FormStatus state={state && !state.ok ? state : null} />
      <NotifyBox transition={transition} reachable={reachable} />
      <Button type="submit" size="sm" variant={primary ? "primary" : "secondary"} disabled={pending}>
        {pending ? "Saving…" : transitionLabel[transition]}
      </Button>
    </form>
  );
}

/** A text input's value kept in state: React resets a form's uncontrolled fields after every submission, and a refused one must keep what was typed. */
function useFieldValue(initial = "") {
  const [value, setValue] = useState(initial);
  return { value, onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value) };
}

function ShipForm({ orderId, status, reachable }: { orderId: string; status: OrderStatus; reachable: boolean }) {
  const { state, formAction, pending, errors } = useAdminAction(shipOrderAction, "Order marked shipped.");
  const listId = useId();
  const carrier = useFieldValue();
  const tracking = useFieldValue();
  return (
    <form action={formAction} noValidate className="space-y-3" aria-label="Mark as shipped">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="expectedStatus" value={status} />
      <FormStatus state={state && !state.ok ? state : null} fields={["carrier", "trackingNumber"]} />
      <FormField name="carrier" id={`${listId}-carrier`} label="Carrier" autoComplete="off" list={listId} errors={errors.carrier} {...carrier} />
      <datalist id={listId}>
        {carriers.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <FormField name="trackingNumber" id={`${listId}-tracking`} label="Tracking number" autoComplete="off" errors={errors.trackingNumber} {...tracking} />
      <NotifyBox transition="ship" reachable={reachable} />
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Saving…" : "Mark as shipped"}
      </Button>
    </form>
  );
}

/**
 * A step that cannot be undone, confirmed in a dialog that holds its fields (a reason, an
 * amount) and shows each field's errors beside it. Closes once the step is done.
 */
function StepDialog({
  action,
  orderId,
  status,
  triggerLabel,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  pendingLabel,
  success,
  fieldNames,
  children,
}: {
  action: Action;
  orderId: string;
  status: OrderStatus;
  triggerLabel: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  pendingLabel: string;
  success: string;
  fieldNames: string[];
  children: (errors: Record<string, string[]>) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { state, formAction, pending, errors } = useAdminAction(action, success);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="danger-secondary">
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form action={formAction} noValidate className="mt-4 space-y-4">
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="expectedStatus" value={status} />
          <FormStatus state={state && !state.ok ? state : null} fields={fieldNames} />
          {children(errors)}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {cancelLabel}
              </Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function CancelForm({ orderId, orderNumber, status, reachable }: { orderId: string; orderNumber: string; status: OrderStatus; reachable: boolean }) {
  const id = useId();
  const reason = useFieldValue();
  return (
    <StepDialog
      action={cancelOrderAction}
      orderId={orderId}
      status={status}
      triggerLabel="Cancel order"
      title={`Cancel order ${orderNumber}?`}
      description="Its items go back in stock and its discount code's use is given back. This cannot be undone. If the customer has paid, refund them afterwards."
      confirmLabel="Cancel order"
      cancelLabel="Keep order"
      pendingLabel="Cancelling…"
      success="Order cancelled."
      fieldNames={["reason"]}
    >
      {(errors) => (
        <>
          <FormField name="reason" id={`${id}-reason`} label="Reason" autoComplete="off" required={false} hint="Kept in the order's history; not sent to the customer." errors={errors.reason} {...reason} />
          <NotifyBox transition="cancel" reachable={reachable} />
        </>
      )}
    </StepDialog>
  );
}

function RefundForm({ orderId, orderNumber, status, reachable, refundable }: { orderId: string; orderNumber: string; status: OrderStatus; reachable: boolean; refundable: OrderActionsProps["refundable"] }) {
  const id = useId();
  const amount = useFieldValue(refundable.input);
  const reason = useFieldValue();
  return (
    <StepDialog
      action={refundOrderAction}
      orderId={orderId}
      status={status}
      triggerLabel="Refund"
      title={`Refund order ${orderNumber}?`}
      description={`Record the money you have paid back. An order is refunded once, up to ${refundable.label}.`}
      confirmLabel="Record refund"
      pendingLabel="Recording…"
      success="Refund recorded."
      fieldNames={["amount", "reason"]}
    >
      {(errors) => (
        <>
          <FormField name="amount" id={`${id}-amount`} label="Amount refunded" autoComplete="off" inputMode="decimal" hint={`At most ${refundable.label}.`} errors={errors.amount} {...amount} />
          <FormField name="reason" id={`${id}-reason`} label="Reason" autoComplete="off" hint="Kept in the order's history; not sent to the customer." errors={errors.reason} {...reason} />
          <NotifyBox transition="refund" reachable={reachable} />
        </>
      )}
    </StepDialog>
  );
}

/** Shown only where the merchant might expect the step: why it is not open now. */
const explainWhenRefused: OrderTransition[] = ["ship", "cancel", "refund"];

/** The next steps for an order: the open ones as forms, the closed ones with why. */
export function OrderActions({ orderId, orderNumber, status, transitions, refundable, reachable }: OrderActionsProps) {
  const open = transitions.filter((t) => t.refusal === null).map((t) => t.transition);
  const closed = transitions.filter((t) => t.refusal !== null && explainWhenRefused.includes(t.transition) && !t.refusal.startsWith("already_") && t.refusal !== "refunded" && t.refusal !== "cancelled");
  const forward = open.find((t) => t !== "cancel" && t !== "refund");
  return (
    <section aria-labelledby="order-actions-heading" className="rounded-card border border-line bg-surface-raised p-4">
      <h2 id="order-actions-heading" className="font-sans text-sm font-semibold">
        Next steps
      </h2>
      {open.length === 0 ? (
        <p className="mt-2 text-sm text-ink-muted">This order is {merchantStatusLabel[status].toLowerCase()}: there is nothing more to do.</p>
      ) : null}
      <div className="mt-3 space-y-4">
        {forward === "ship" ? <ShipForm orderId={orderId} status={status} reachable={reachable} /> : null}
        {forward && forward !== "ship" ? <StepForm action={simpleActions[forward]!} transition={forward} orderId={orderId} status={status} reachable={reachable} primary /> : null}
        {open.includes("cancel") || open.includes("refund") ? (
          <div className="flex flex-wrap gap-2 border-t border-line pt-4">
            {open.includes("cancel") ? <CancelForm orderId={orderId} orderNumber={orderNumber} status={status} reachable={reachable} /> : null}
            {open.includes("refund") ? <RefundForm orderId={orderId} orderNumber={orderNumber} status={status} reachable={reachable} refundable={refundable} /> : null}
          </div>
        ) : null}
      </div>
      {closed.length > 0 ? (
        <div className="mt-4 border-t border-line pt-3">
          <h3 className="font-sans text-xs font-semibold uppercase tracking-wide text-ink-muted">Not available now</h3>
          <ul className="mt-1 space-y-1 text-sm text-ink-muted">
            {closed.map((t) => (
              <li key={t.transition}>
                <span className="font-medium text-ink">{transitionLabel[t.transition]}:</span> {refusalMessage[t.refusal!]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
