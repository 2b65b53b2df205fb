import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/cn";

export function Price({
  amount,
  maxAmount,
  compareAt,
  currency,
  className,
}: {
  amount: number;
  maxAmount?: number;
  compareAt?: number | null;
  currency: string;
  className?: string;
}) {
  const from = maxAmount !== undefined && maxAmount !== amount;
  return (
    <span className={cn("inline-flex flex-wrap items-baseline gap-x-2", className)}>
      <span>
        {from ? <span className="text-ink-muted">From </span> : null}
        {formatMoney({ amount, currency })}
      </span>
      {compareAt && compareAt > amount ? (
        <span className="text-sm text-ink-muted">
          <span className="sr-only">Was </span>
          <s>{formatMoney({ amount: compareAt, currency })}</s>
        </span>
      ) : null}
    </span>
  );
}
