import type { Totals } from "@/lib/checkout/pricing";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/money";

/** Subtotal, discount, delivery, tax and total, as the checkout summary and the order page show them. */
export function TotalsList({
  totals,
  currency,
  pricesIncludeTax,
  discountLabel = "Discount",
  shippingIsEstimate = false,
  testIdPrefix,
  className,
}: {
  totals: Totals;
  currency: string;
  pricesIncludeTax: boolean;
  discountLabel?: string;
  /** At checkout the chosen delivery option is not known yet: show "from". */
  shippingIsEstimate?: boolean;
  testIdPrefix: string;
  className?: string;
}) {
  const money = (amount: number) => formatMoney({ amount, currency });
  const rows: { label: string; value: string; id: string }[] = [{ label: "Subtotal", value: money(totals.subtotal), id: "subtotal" }];
  if (totals.discount > 0) rows.push({ label: discountLabel, value: `−${money(totals.discount)}`, id: "discount" });
  rows.push({
    label: "Delivery",
    value: totals.shipping === 0 ? "Free" : `${shippingIsEstimate ? "from " : ""}${money(totals.shipping)}`,
    id: "shipping",
  });
  rows.push({ label: pricesIncludeTax ? "Includes VAT" : "Tax", value: money(totals.tax), id: "tax" });
  return (
    <dl className={cn("space-y-1 text-sm", className)}>
      {rows.map((row) => (
        <div key={row.id} className="flex justify-between">
          <dt>{row.label}</dt>
          <dd data-testid={`${testIdPrefix}-${row.id}`}>{row.value}</dd>
        </div>
      ))}
      <div className="flex justify-between border-t border-line pt-2 text-base font-medium">
        <dt>Total</dt>
        <dd data-testid={`${testIdPrefix}-total`}>{money(totals.total)}</dd>
      </div>
    </dl>
  );
}
