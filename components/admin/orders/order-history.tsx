import type { AdminOrderEventDto } from "@/db/queries/admin-orders";
import { formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { eventLabel } from "./order-wording";

/** Every step the order went through, oldest first: what, who, when, and its details. */
export function OrderHistory({ events, currency }: { events: AdminOrderEventDto[]; currency: string }) {
  return (
    <ol className="mt-3 space-y-0 border-s border-line-strong ps-5">
      {events.map((event) => (
        <li key={event.id} className="relative pb-4 last:pb-0">
          <span aria-hidden="true" className="absolute -start-[1.6rem] top-1.5 size-2.5 rounded-full border-2 border-surface-raised bg-accent-600" />
          <p className="text-sm">
            <span className="font-medium">{eventLabel[event.status]}</span>
            <span className="text-ink-muted"> · {event.actorLabel ? `by ${event.actorLabel}` : event.status === "awaiting_payment" ? "by the customer" : "by the shop"}</span>
          </p>
          <p className="text-xs text-ink-muted">
            <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
          </p>
          {event.carrier ? (
            <p className="mt-1 text-sm">
              {event.carrier} · tracking number <span className="font-mono">{event.trackingNumber}</span>
            </p>
          ) : null}
          {event.amount !== null ? <p className="mt-1 text-sm">Refunded {formatMoney({ amount: event.amount, currency })}</p> : null}
          {event.reason ? <p className="mt-1 text-sm text-ink-muted">Reason: {event.reason}</p> : null}
          {event.note && event.note !== "Order placed" ? <p className="mt-1 text-sm text-ink-muted">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
