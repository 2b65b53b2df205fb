import { Badge } from "@/components/ui/badge";
import { stockLevel } from "@/lib/catalog/stock";

const tones = { in_stock: "success", low_stock: "warning", sold_out: "danger" } as const;
const marks = { in_stock: "●", low_stock: "◐", sold_out: "○" } as const;

export function StockBadge({ stock, className }: { stock: number; className?: string }) {
  const level = stockLevel(stock);
  return (
    <Badge tone={tones[level.state]} className={className} data-stock={level.state}>
      <span aria-hidden="true">{marks[level.state]}</span>
      {level.label}
    </Badge>
  );
}
