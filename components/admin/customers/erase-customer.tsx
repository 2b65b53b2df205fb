"use client";

import { eraseCustomerAction } from "@/app/admin/customers/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Button } from "@/components/ui/button";

/** Erase behind a dialog that says exactly what goes and what stays. */
export function EraseCustomerButton({ customerId, orders }: { customerId: string; orders: number }) {
  return (
    <ConfirmAction
      action={eraseCustomerAction}
      fields={{ id: customerId }}
      trigger={<Button variant="danger-secondary">Erase customer data…</Button>}
      title="Erase this customer’s data?"
      description={
        <>
          Their account, name, email address, saved addresses, saved cart, newsletter subscription, consent records and sessions are erased for good.{" "}
          {orders === 0 ? "They have no orders." : `Their ${orders} ${orders === 1 ? "order is" : "orders are"} kept for the accounts, with name, email and address replaced.`} This
          cannot be undone.
        </>
      }
      confirmLabel="Erase for good"
      pendingLabel="Erasing…"
    />
  );
}
