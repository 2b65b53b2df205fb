import { shopConfig } from "../shop-config";

export type StockLevel = { state: "in_stock" | "low_stock" | "sold_out"; label: string };

/** Stock is told in words as well as colour, so it never relies on colour alone. */
export function stockLevel(stock: number, threshold: number = shopConfig.lowStockThreshold): StockLevel {
  if (stock <= 0) return { state: "sold_out", label: "Sold out" };
  if (stock <= threshold) return { state: "low_stock", label: `Only ${stock} left` };
  return { state: "in_stock", label: "In stock" };
}
