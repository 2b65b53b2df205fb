import Link from "next/link";
import { EmptyState } from "@/components/admin/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TopProductDto } from "@/db/queries/admin-reports";
import { formatMoney } from "@/lib/money";
import { compareFigures } from "./compare";
import { describeChangeBriefly, formatCount } from "./format";

/** Best sellers of the period, ranked by `by`, with the change on the previous period. */
export function TopProducts({
  title,
  by,
  products,
  currency,
  linkProducts,
}: {
  title: string;
  by: "revenue" | "units";
  products: TopProductDto[];
  currency: string;
  linkProducts: boolean;
}) {
  const id = `top-products-${by}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {products.length === 0 ? (
        <EmptyState title="No sales in this period" />
      ) : (
        <Table caption={title} captionHidden className="min-w-[30rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Product</TableHead>
              <TableHead numeric>{by === "revenue" ? "Sales" : "Units"}</TableHead>
              <TableHead numeric>{by === "revenue" ? "Units" : "Sales"}</TableHead>
              <TableHead>Against previous period</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {products.map((p) => {
              const sales = formatMoney({ amount: p.revenue, currency });
              const units = formatCount(p.units);
              const change = by === "revenue" ? compareFigures(p.revenue, p.previousRevenue) : compareFigures(p.units, p.previousUnits);
              return (
                <TableRow key={p.productId ?? `title:${p.title}`}>
                  <TableHead scope="row">
                    {linkProducts && p.productId !== null ? (
                      <Link href={`/admin/products/${p.productId}`} className="underline-offset-4 hover:underline">
                        {p.title}
                      </Link>
                    ) : (
                      p.title
                    )}
                  </TableHead>
                  <TableCell numeric className="font-medium">
                    {by === "revenue" ? sales : units}
                  </TableCell>
                  <TableCell numeric className="text-ink-muted">
                    {by === "revenue" ? units : sales}
                  </TableCell>
                  <TableCell className="text-ink-muted">{describeChangeBriefly(change)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
