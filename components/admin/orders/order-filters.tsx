import Link from "next/link";
import { orderStatuses } from "@/db/schema/orders";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { merchantStatusLabel } from "./order-wording";

export type OrderFilterValues = { status: string; q: string; from: string; to: string; sort: string; dir: string };

/**
 * The order list's filters: a plain GET form, so the filtered list is a URL (bookmark it, send
 * it to a colleague) and works without JavaScript. The sort order is kept; the page is not.
 */
export function OrderFilters({ values, filtered }: { values: OrderFilterValues; filtered: boolean }) {
  return (
    <form method="get" action="/admin/orders" role="search" aria-label="Filter orders" className="mb-6 grid gap-3 rounded-card border border-line bg-surface-raised p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
      <div>
        <Label htmlFor="orders-q">Order number or email</Label>
        <Input id="orders-q" name="q" type="search" size="sm" className="mt-1" defaultValue={values.q} placeholder="H-10042 or ada@example.com" autoComplete="off" />
      </div>
      <div>
        <Label htmlFor="orders-status">Status</Label>
        <Select id="orders-status" name="status" size="sm" className="mt-1" defaultValue={values.status}>
          <option value="">All statuses</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {merchantStatusLabel[s]}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="orders-from">Placed from</Label>
        <Input id="orders-from" name="from" type="date" size="sm" className="mt-1" defaultValue={values.from} />
      </div>
      <div>
        <Label htmlFor="orders-to">Placed to</Label>
        <Input id="orders-to" name="to" type="date" size="sm" className="mt-1" defaultValue={values.to} />
      </div>
      {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
      {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
      <div className="flex items-end gap-3">
        <Button type="submit" size="sm">
          Apply
        </Button>
        {filtered ? (
          <Link href="/admin/orders" className="pb-2 text-sm text-ink-muted underline underline-offset-4 hover:text-ink">
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
