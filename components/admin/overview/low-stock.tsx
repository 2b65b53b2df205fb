import Link from "next/link";
import { EmptyState } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { LowStockDto } from "@/db/queries/admin-reports";
import { formatCount } from "./format";

/** Variants at or under the low-stock threshold, sold-out first. */
export function LowStock({ lowStock, linkProducts }: { lowStock: LowStockDto; linkProducts: boolean }) {
  const { variants, total, threshold } = lowStock;
  return (
    <section aria-labelledby="low-stock">
      <h2 id="low-stock" className="mb-1 text-lg font-semibold">
        Low stock
      </h2>
      <p className="mb-3 text-sm text-ink-muted">
        {total === 0 ? `Every published variant has more than ${threshold} in stock.` : `${formatCount(total)} ${total === 1 ? "variant has" : "variants have"} ${threshold} or fewer left.`}
        {total > variants.length ? ` The ${variants.length} lowest are shown.` : ""}
      </p>
      {variants.length === 0 ? (
        <EmptyState title="Nothing is running low" />
      ) : (
        <Table caption="Variants running low on stock" captionHidden className="min-w-[26rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Product</TableHead>
              <TableHead>Variant</TableHead>
              <TableHead numeric>Stock</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {variants.map((v) => {
              const options = Object.values(v.options).join(" / ");
              return (
                <TableRow key={v.variantId}>
                  <TableHead scope="row">
                    {linkProducts ? (
                      <Link href={`/admin/products/${v.productId}`} className="underline-offset-4 hover:underline">
                        {v.productTitle}
                      </Link>
                    ) : (
                      v.productTitle
                    )}
                  </TableHead>
                  <TableCell>
                    {options || "Default"}
                    <span className="block text-xs text-ink-muted">{v.sku}</span>
                  </TableCell>
                  <TableCell numeric>{v.stock === 0 ? <Badge tone="danger">Sold out</Badge> : <Badge tone="warning">{formatCount(v.stock)} left</Badge>}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
