import Link from "next/link";
import type { ReactNode } from "react";
import { TableHead } from "@/components/ui/table";
import { hrefWith, type SearchParams } from "@/lib/admin/list-params";

/**
 * A column heading that sorts the list by a link (no JavaScript): the first click sorts in the
 * column's natural direction, the next reverses it. `aria-sort` tells screen readers the order.
 */
export function SortableHead({
  children,
  column,
  base,
  params,
  current,
  firstDir = "asc",
  numeric,
}: {
  children: ReactNode;
  column: string;
  base: string;
  params: SearchParams;
  current: { sort: string; dir: "asc" | "desc" };
  firstDir?: "asc" | "desc";
  numeric?: boolean;
}) {
  const active = current.sort === column;
  const nextDir = active ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <TableHead numeric={numeric} aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefWith(base, params, { sort: column, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-ink">
        {children}
        <span aria-hidden="true" className="text-xs">
          {active ? (current.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </TableHead>
  );
}
