import { z } from "zod";

export const stockUpdateSchema = z.object({
  sku: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9-]+$/, "SKUs use letters, digits and hyphens"),
  stock: z.number().int("Stock must be a whole number").min(0, "Stock cannot be negative").max(1_000_000),
});

export const stockUpdatesSchema = z.object({
  updates: z.array(stockUpdateSchema).min(1).max(500),
});
