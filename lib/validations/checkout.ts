import { z } from "zod";
import { deliveryMethodCodes } from "@/lib/settings/delivery";
import { addressShape, emailSchema } from "./address";

export { deliveryCountries } from "./address";

/** Shared by the checkout form (field names) and the place-order action (validation). */
export const checkoutSchema = z.object({
  idempotencyKey: z.uuid("Please reload the page and try again."),
  email: emailSchema,
  ...addressShape,
  shippingMethod: z.enum(deliveryMethodCodes, { error: "Choose a delivery option." }),
  discountCode: z
    .string()
    .trim()
    .max(40, "That code is too long.")
    .transform((v) => (v === "" ? null : v.toUpperCase()))
    .default(""),
  // An unticked checkbox sends nothing: absent means no.
  newsletter: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;
