import { z } from "zod";
import { orderStatuses } from "@/db/schema/orders";

/*
 * The forms behind the order desk's status changes (shared by the forms and their actions).
 * Every one names the order and the status the staff member saw: a form made for an order that
 * has moved on since is refused instead of being applied to a different situation.
 */

const stepShape = {
  orderId: z.uuid({ error: "This order could not be found. Reload the page." }),
  expectedStatus: z.enum(orderStatuses, { error: "This form is out of date. Reload the page." }),
  // An unticked checkbox sends nothing: absent means no.
  notify: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
};

export const orderStepSchema = z.object(stepShape);

export const shipOrderSchema = z.object({
  ...stepShape,
  carrier: z.string().trim().min(1, "Enter the carrier.").max(60, "Use at most 60 characters."),
  trackingNumber: z
    .string()
    .trim()
    .min(1, "Enter the tracking number.")
    .max(60, "Use at most 60 characters.")
    .regex(/^[A-Za-z0-9 -]+$/, "Use letters, digits, spaces and hyphens only, as the carrier printed it."),
});

export const cancelOrderSchema = z.object({
  ...stepShape,
  reason: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});

export const refundOrderSchema = z.object({
  ...stepShape,
  /** Major units as typed ("12.50"); turned into minor units in the order's own currency. */
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Enter an amount such as 12.50."),
  reason: z.string().trim().min(1, "Say why the order is refunded.").max(500, "Use at most 500 characters."),
});
