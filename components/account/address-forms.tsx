"use client";

import { useActionState } from "react";
import { createAddressAction, deleteAddressAction, setDefaultAddressAction, updateAddressAction } from "@/app/account/addresses/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { CountrySelect } from "@/components/ui/country-select";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import type { AddressDto } from "@/db/queries/accounts";

const fields = ["name", "line1", "line2", "city", "postalCode", "country", "makeDefault"];

/** Add (no address given) or edit an address. Works without JavaScript. */
export function AddressForm({ address }: { address?: AddressDto }) {
  const [state, action, pending] = useActionState(address ? updateAddressAction : createAddressAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} noValidate className="space-y-4" aria-label={address ? "Edit address" : "Add an address"}>
      <FormStatus state={state} fields={fields} />
      {address ? <input type="hidden" name="addressId" value={address.id} /> : null}
      <FormField name="name" label="Full name" autoComplete="name" defaultValue={address?.name} errors={errors.name} />
      <FormField name="line1" label="Address" autoComplete="address-line1" defaultValue={address?.line1} errors={errors.line1} />
      <FormField name="line2" label="Flat, building or area" autoComplete="address-line2" defaultValue={address?.line2} errors={errors.line2} required={false} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="city" label="Town or city" autoComplete="address-level2" defaultValue={address?.city} errors={errors.city} />
        <FormField name="postalCode" label="Postcode" autoComplete="postal-code" defaultValue={address?.postalCode} errors={errors.postalCode} />
      </div>
      <CountrySelect defaultValue={address?.country ?? "GB"} errors={errors.country} />
      {address?.isDefault ? null : (
        <label className="flex items-center gap-3 text-sm">
          <Checkbox name="makeDefault" value="yes" />
          Use as my default delivery address
        </label>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : address ? "Save changes" : "Save address"}
      </Button>
    </form>
  );
}

export function AddressRowActions({ address }: { address: AddressDto }) {
  const [deleteState, deleteAction, deleting] = useActionState(deleteAddressAction, null);
  const [defaultState, defaultAction, settingDefault] = useActionState(setDefaultAddressAction, null);
  const failed = [deleteState, defaultState].find((s) => s && !s.ok);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <Button asChild variant="secondary">
        <a href={`/account/addresses?edit=${address.id}`}>
          Edit <span className="sr-only">address {address.line1}</span>
        </a>
      </Button>
      {address.isDefault ? null : (
        <form action={defaultAction}>
          <input type="hidden" name="addressId" value={address.id} />
          <Button type="submit" variant="secondary" disabled={settingDefault}>
            Make default <span className="sr-only">address {address.line1}</span>
          </Button>
        </form>
      )}
      <form action={deleteAction}>
        <input type="hidden" name="addressId" value={address.id} />
        <Button type="submit" variant="danger-secondary" disabled={deleting}>
          Delete <span className="sr-only">address {address.line1}</span>
        </Button>
      </form>
      {failed && !failed.ok ? (
        <p role="alert" className="w-full text-sm font-medium text-danger">
          {failed.message}
        </p>
      ) : null}
    </div>
  );
}
