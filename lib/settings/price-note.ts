import type { ShopSettings } from "@/db/queries/settings";
import { formatMoney } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

/** The line under a product's price: whether it includes tax, and when standard delivery is free. */
export function priceNote(settings: Pick<ShopSettings, "pricesIncludeTax" | "deliveryRates">): string {
  const tax = settings.pricesIncludeTax ? "Prices include VAT." : "Tax is added at checkout.";
  const standard = settings.deliveryRates[0];
  const free = standard?.freeOver != null ? ` Free delivery on orders over ${formatMoney({ amount: standard.freeOver, currency: shopConfig.currency })}.` : "";
  return tax + free;
}
