import type { OrderStatus } from "@/db/schema/orders";
import { Badge } from "@/components/ui/badge";
import { merchantStatusLabel, merchantStatusTone } from "./order-wording";

/** An order's status in the merchant's words; the word itself carries the meaning, the colour only helps. */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge tone={merchantStatusTone[status]} className="whitespace-nowrap font-sans">
      {merchantStatusLabel[status]}
    </Badge>
  );
}
