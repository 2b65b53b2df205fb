"use client";

import { setDiscountActiveAction } from "@/app/admin/discounts/actions";
import { useAdminAction } from "@/components/admin/admin-form";
import { Button } from "@/components/ui/button";

/**
 * Disable or enable a code in one click: nothing is lost either way, so no dialog. The form
 * sends the wanted state, not "toggle", so a double click cannot flip it back.
 */
export function ToggleDiscountButton({ id, code, active }: { id: number; code: string; active: boolean }) {
  const { state, formAction, pending } = useAdminAction(setDiscountActiveAction);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "off" : "on"} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {active ? "Disable" : "Enable"} <span className="sr-only">{code}</span>
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm font-medium text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
