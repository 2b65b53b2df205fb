import { z } from "zod";
import { MAX_LINE_QUANTITY } from "@/lib/cart/limits";

const variantId = z.coerce.number({ error: "Choose an option first." }).int().positive("Choose an option first.");

export const addToCartSchema = z.object({
  variantId,
  quantity: z.coerce.number({ error: "Quantity must be a whole number." }).int("Quantity must be a whole number.").min(1, "Add at least one.").max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} at a time.`).default(1),
});

export const updateCartItemSchema = z.object({
  variantId,
  quantity: z.coerce.number({ error: "Quantity must be a whole number." }).int("Quantity must be a whole number.").min(0, "Quantity cannot be negative.").max(999, "That is more than we could ever send."),
});

export const removeCartItemSchema = z.object({ variantId });
