"use server";

import { z } from "zod";
import { lockAccountForErasure } from "@/db/queries/admin-customers";
import { adminAction, type AdminContext } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { erasePerson } from "@/lib/privacy/erasure";

const eraseCustomerSchema = z.object({
  id: z.string({ error: "That customer was not found." }).regex(/^[A-Za-z0-9-]{1,64}$/, "That customer was not found."),
});

/**
 * Erasing a customer's data on their request, with the privacy centre's own erasure (the same
 * function, inside this action's audited transaction), after a recent sign-in. The audit entry
 * names the account by id only: the person's details must not live on in the log.
 */
async function eraseCustomer({ id }: z.infer<typeof eraseCustomerSchema>, { tx }: AdminContext) {
  const account = await lockAccountForErasure(tx, id);
  if (!account) throw new AppError("not_found", "This customer no longer exists: their data may have been erased already.");
  if (account.role !== "customer") throw new AppError("forbidden", "This is a staff account. Staff are removed under Staff, not erased from here.");
  const result = await erasePerson(account.id, account.email, tx);
  if (!result) throw new AppError("not_found", "This customer no longer exists: their data may have been erased already.");
  return {
    data: result,
    audit: {
      action: "customer.erase",
      entityType: "customer",
      entityId: id,
      summary: `Erased customer ${id} on request (privacy-centre erasure); ${result.ordersKept} ${result.ordersKept === 1 ? "order" : "orders"} kept without personal details`,
      after: { ordersKept: result.ordersKept },
    },
    redirectTo: "/admin/customers?erased=1",
  };
}

export const eraseCustomerAction = adminAction("customers:erase", eraseCustomerSchema, eraseCustomer, { recentSignIn: true });
