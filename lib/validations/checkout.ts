import { z } from "zod";
import { shopConfig } from "@/lib/shop-config";

/** Countries the shop delivers to: ISO 3166-1 alpha-2 code and name. */
export const deliveryCountries = [
  { code: "GB", name: "United Kingdom" },
  { code: "IE", name: "Ireland" },
  { code: "FR", name: "France" },
  { code: "DE", name: "Germany" },
  { code: "NL", name: "Netherlands" },
  { code: "BE", name: "Belgium" },
] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, `Enter your ${label}.`)
    .max(max, `Your ${label} is too long.`);

/** Shared by the checkout form (field names) and the place-order action (validation). */
export const checkoutSchema = z.object({
  idempotencyKey: z.uuid("Please reload the page and try again."),
  email: z.string({ error: "Enter your email address." }).trim().toLowerCase().pipe(z.email("Enter an email address like name@example.com.")),
  name: text("full name", 120),
  line1: text("address", 200),
  line2: z.string().trim().max(200, "The second address line is too long.").default(""),
  city: text("town or city", 100),
  postalCode: z
    .string({ error: "Enter your postcode." })
    .trim()
    .toUpperCase()
    .min(2, "Enter your postcode.")
    .max(12, "That postcode is too long.")
    .regex(/^[A-Z0-9][A-Z0-9 -]*$/, "A postcode has only letters, numbers, spaces and hyphens."),
  country: z.enum(deliveryCountries.map((c) => c.code) as [string, ...string[]], { error: "Choose a country we deliver to." }),
  shippingMethod: z.enum(shopConfig.shippingMethods.map((m) => m.code) as [string, ...string[]], { error: "Choose a delivery option." }),
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
