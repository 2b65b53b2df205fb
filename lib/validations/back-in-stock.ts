import { z } from "zod";
import { emailSchema } from "./address";

/** The product page's "Email me when it's back" form. */
export const backInStockRequestSchema = z.object({
  variantId: z.coerce.number({ error: "This form is missing its product option. Reload the page." }).int().positive("This form is missing its product option. Reload the page."),
  email: emailSchema,
});

export const backInStockConfirmSchema = z.object({ token: z.string().max(200) });
