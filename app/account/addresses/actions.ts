"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createAddress, deleteAddress, MAX_ADDRESSES, setDefaultAddress, updateAddress } from "@/db/queries/accounts";
import { userFormAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { addressIdSchema, addressSchema } from "@/lib/validations/address";

// Every action names the address by id and the query matches it with the caller's own user id,
// so another person's address id changes nothing and reads as "not found".
const notFound = () => new AppError("not_found", "That address was not found in your account.");

export const createAddressAction = userFormAction(addressSchema, async ({ makeDefault, ...address }, user) => {
  const result = await createAddress(user.id, address, makeDefault);
  if (result === "limit") throw new AppError("conflict", `You can keep up to ${MAX_ADDRESSES} addresses. Delete one you no longer use first.`);
  revalidatePath("/account/addresses");
  redirect("/account/addresses?saved=1");
});

export const updateAddressAction = userFormAction(addressSchema.extend(addressIdSchema.shape), async ({ addressId, makeDefault, ...address }, user) => {
  if (!(await updateAddress(user.id, addressId, address, makeDefault))) throw notFound();
  revalidatePath("/account/addresses");
  redirect("/account/addresses?saved=1");
});

export const deleteAddressAction = userFormAction(addressIdSchema, async ({ addressId }, user) => {
  if (!(await deleteAddress(user.id, addressId))) throw notFound();
  revalidatePath("/account/addresses");
  return { deleted: addressId };
});

export const setDefaultAddressAction = userFormAction(addressIdSchema, async ({ addressId }, user) => {
  if (!(await setDefaultAddress(user.id, addressId))) throw notFound();
  revalidatePath("/account/addresses");
  return { defaultId: addressId };
});

