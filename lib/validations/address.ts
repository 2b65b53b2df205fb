import { z } from "zod";
import { deliveryCountries } from "@/lib/delivery-countries";

export { deliveryCountries };

// Control characters (NUL among them, which PostgreSQL refuses to store) never belong in a
// name or an address line: a form that sends one was tampered with or pasted from a binary.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** One line of text a person types: trimmed, length-limited, no control characters. */
export const lineText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Remove the unusual characters from this field.");

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .min(1, { error: `Enter your ${label}.`, abort: true })
    .max(max, `Your ${label} is too long.`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Remove the unusual characters from this field.");

export const emailSchema = z.string({ error: "Enter your email address." }).trim().toLowerCase().pipe(z.email("Enter an email address like name@example.com.").max(254, "That email address is too long."));

/** A delivery address, shared by checkout and the saved addresses in /account/addresses. */
export const addressShape = {
  name: requiredText("full name", 120),
  line1: requiredText("address", 200),
  line2: lineText(200, "The second address line is too long.").default(""),
  city: requiredText("town or city", 100),
  postalCode: z
    .string({ error: "Enter your postcode." })
    .trim()
    .toUpperCase()
    // An empty or missing postcode needs one message, not also "only letters, numbers…".
    .min(2, { error: "Enter your postcode.", abort: true })
    .max(12, "That postcode is too long.")
    .regex(/^[A-Z0-9][A-Z0-9 -]*$/, "A postcode has only letters, numbers, spaces and hyphens."),
  country: z.enum(deliveryCountries.map((c) => c.code) as [string, ...string[]], { error: "Choose a country we deliver to." }),
};

export const addressSchema = z.object({
  ...addressShape,
  // An unticked checkbox sends nothing: absent means no.
  makeDefault: z
    .literal("yes")
    .optional()
    .transform((v) => v === "yes"),
});

export const addressIdSchema = z.object({ addressId: z.coerce.number({ error: "That address was not found." }).int().positive("That address was not found.") });
