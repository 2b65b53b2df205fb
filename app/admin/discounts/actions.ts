"use server";

import { revalidatePath } from "next/cache";
import { createDiscount, setDiscountActive, updateDiscount } from "@/db/queries/admin-discounts";
import { adminAction } from "@/lib/actions";
import { createDiscountSchema, setDiscountActiveSchema, updateDiscountSchema } from "@/lib/validations/discount";

// Discount codes are read by the checkout straight from the database on every order (never
// cached), so a change needs no shop cache expiry: the next checkout sees it. Only the admin
// pages showing the code are refreshed.
const refreshDiscountPages = () => revalidatePath("/admin/discounts", "layout");

export const createDiscountAction = adminAction("discounts:write", createDiscountSchema, async ({ code, ...terms }, { tx }) => {
  const { id } = await createDiscount(tx, { code, ...terms });
  return {
    data: { id, code },
    audit: { action: "discount.create", entityType: "discount", entityId: id, summary: `Created discount code ${code}`, after: { code, ...terms } },
    afterCommit: refreshDiscountPages,
    redirectTo: `/admin/discounts?created=${encodeURIComponent(code)}`,
  };
});

export const updateDiscountAction = adminAction("discounts:write", updateDiscountSchema, async ({ id, ...terms }, { tx }) => {
  const { before, after } = await updateDiscount(tx, id, terms);
  return {
    data: { id, code: before.code },
    audit: { action: "discount.update", entityType: "discount", entityId: id, summary: `Changed the terms of discount code ${before.code}`, before, after },
    message: `${before.code} saved.`,
    afterCommit: refreshDiscountPages,
  };
});

export const setDiscountActiveAction = adminAction("discounts:write", setDiscountActiveSchema, async ({ id, active }, { tx }) => {
  const { code, changed } = await setDiscountActive(tx, id, active);
  const verb = active ? "Enabled" : "Disabled";
  return {
    data: { id, active },
    audit: { action: active ? "discount.enable" : "discount.disable", entityType: "discount", entityId: id, summary: changed ? `${verb} discount code ${code}` : `${verb} discount code ${code} (it already was)`, after: { active } },
    afterCommit: refreshDiscountPages,
    message: changed ? `${code} ${active ? "enabled: shoppers can use it again" : "disabled: shoppers can no longer use it"}.` : `${code} was already ${active ? "enabled" : "disabled"}.`,
  };
});
