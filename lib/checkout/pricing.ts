/**
 * Order arithmetic, all in integer minor units. Pure, so it is unit-tested on its own and
 * the order transaction and the checkout summary can never disagree.
 */
export type PricedLine = { unitPrice: number; quantity: number };
export type Discount = { kind: "percent" | "fixed"; value: number };
export type ShippingRate = { amount: number; freeOver: number | null };

export type Totals = {
  subtotal: number;
  discount: number;
  shipping: number;
  /** Tax contained in (pricesIncludeTax) or added to the total. */
  tax: number;
  total: number;
};

export function lineTotal(line: PricedLine): number {
  return line.unitPrice * line.quantity;
}

export function discountAmount(subtotal: number, discount: Discount | null): number {
  if (!discount) return 0;
  // Round half down for percentages, so a discount never exceeds what the code promises.
  const raw = discount.kind === "percent" ? Math.floor((subtotal * discount.value) / 100) : discount.value;
  return Math.min(subtotal, Math.max(0, raw));
}

export function shippingAmount(discountedSubtotal: number, rate: ShippingRate): number {
  return rate.freeOver !== null && discountedSubtotal >= rate.freeOver ? 0 : rate.amount;
}

export function computeTotals(input: {
  lines: PricedLine[];
  discount: Discount | null;
  shipping: ShippingRate;
  taxRate: number;
  pricesIncludeTax: boolean;
}): Totals {
  const subtotal = input.lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const discount = discountAmount(subtotal, input.discount);
  const shipping = shippingAmount(subtotal - discount, input.shipping);
  const taxable = subtotal - discount + shipping;
  if (input.pricesIncludeTax) {
    // The tax already inside a gross price: gross − gross / (1 + rate).
    const tax = Math.round(taxable - taxable / (1 + input.taxRate));
    return { subtotal, discount, shipping, tax, total: taxable };
  }
  const tax = Math.round(taxable * input.taxRate);
  return { subtotal, discount, shipping, tax, total: taxable + tax };
}
