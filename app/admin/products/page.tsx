import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { productStatusText, productStatusTone, stockFilterText } from "@/components/admin/products/product-words";
import { SortableHead } from "@/components/admin/sortable-head";
import { Pagination } from "@/components/shop/pagination";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink, buttonVariants } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { adminProductSorts, listAdminProducts, listCollectionChoices, type ProductStatus, type StockFilter } from "@/db/queries/admin-products";
import { productStatuses } from "@/db/schema";
import { hrefWith, param, readListState, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { formatPriceRange } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Products" };
export const instant = false;

const BASE = "/admin/products";
const PAGE_SIZE = 25;

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage(BASE, "catalog:read");
  const params = await searchParams;
  const list = readListState(params, adminProductSorts, { sort: "updated", dir: "desc" });
  const status = (productStatuses as readonly string[]).includes(param(params, "status")) ? (param(params, "status") as ProductStatus) : null;
  const stock: StockFilter = param(params, "stock") === "low" || param(params, "stock") === "out" ? (param(params, "stock") as StockFilter) : "all";
  const collectionId = /^\d{1,9}$/.test(param(params, "collection")) ? Number(param(params, "collection")) : null;
  const threshold = shopConfig.lowStockThreshold;
  const [collections, { items, total }] = await Promise.all([
    listCollectionChoices(),
    listAdminProducts({ q: list.q, status, stock, collectionId, lowStockThreshold: threshold, sort: list.sort, dir: list.dir, page: list.page, pageSize: PAGE_SIZE }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const writable = can(staff.role, "catalog:write");
  const filtered = Boolean(list.q || status || stock !== "all" || collectionId);
  const head = { base: BASE, params, current: { sort: list.sort, dir: list.dir } };

  return (
    <div>
      <AdminPageHeader
        title="Products"
        description={`Everything in the catalogue, drafts included. Stock at or under ${threshold} counts as low.`}
        actions={
          <>
            {/* A file download, not a page: a plain link, so the router leaves it to the browser. */}
            <a href={`${BASE}/export`} download className={buttonVariants({ variant: "secondary", size: "sm" })}>
              Export CSV
            </a>
            {writable ? (
              <>
                <ButtonLink href={`${BASE}/import`} variant="secondary" size="sm">
                  Import CSV
                </ButtonLink>
                <ButtonLink href={`${BASE}/new`} size="sm">
                  New product
                </ButtonLink>
              </>
            ) : null}
          </>
        }
      />

      <form method="get" action={BASE} role="search" aria-label="Filter products" className="mb-4 grid gap-3 rounded-card border border-line bg-surface-raised p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <div>
          <Label htmlFor="q">Title or SKU</Label>
          <Input id="q" name="q" type="search" size="sm" defaultValue={list.q} autoComplete="off" className="mt-1" />
        </div>
        <div>
          <Label htmlFor="collection">Collection</Label>
          <Select id="collection" name="collection" size="sm" defaultValue={collectionId ? String(collectionId) : ""} className="mt-1">
            <option value="">All collections</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="status">Status</Label>
          <Select id="status" name="status" size="sm" defaultValue={status ?? ""} className="mt-1">
            <option value="">Any status</option>
            {productStatuses.map((s) => (
              <option key={s} value={s}>
                {productStatusText[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="stock">Stock</Label>
          <Select id="stock" name="stock" size="sm" defaultValue={stock === "all" ? "" : stock} className="mt-1">
            <option value="">{stockFilterText.all}</option>
            <option value="low">{`${stockFilterText.low} (a variant ≤ ${threshold})`}</option>
            <option value="out">{`${stockFilterText.out} (a variant at 0)`}</option>
          </Select>
        </div>
        {list.sort !== "updated" ? <input type="hidden" name="sort" value={list.sort} /> : null}
        {list.dir !== "desc" ? <input type="hidden" name="dir" value={list.dir} /> : null}
        <div className="flex gap-2">
          <Button type="submit" size="sm">
            Filter
          </Button>
          {filtered ? (
            <ButtonLink href={BASE} variant="ghost" size="sm">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </form>

      <p className="mb-2 text-sm text-ink-muted" role="status">
        {total === 1 ? "1 product" : `${total} products`}
        {filtered ? " match" : ""}
      </p>

      {items.length === 0 ? (
        <EmptyState title={filtered ? "No product matches these filters." : "No products yet."}>
          {filtered ? (
            <Link href={BASE} className="underline">
              Show all products
            </Link>
          ) : writable ? (
            <Link href={`${BASE}/new`} className="underline">
              Add the first product
            </Link>
          ) : null}
        </EmptyState>
      ) : (
        <Table caption="Products" captionHidden className="min-w-[44rem]">
          <TableHeader>
            <TableRow>
              <SortableHead column="title" {...head}>
                Product
              </SortableHead>
              <SortableHead column="status" {...head}>
                Status
              </SortableHead>
              <SortableHead column="stock" numeric firstDir="asc" {...head}>
                Stock
              </SortableHead>
              <SortableHead column="price" numeric {...head}>
                Price
              </SortableHead>
              <SortableHead column="updated" firstDir="desc" {...head}>
                Updated
              </SortableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((p) => (
              <TableRow key={p.id}>
                <TableHead scope="row" className="font-normal">
                  <div className="flex items-center gap-3">
                    {p.image ? (
                      // eslint-disable-next-line @next/next/no-img-element -- a 40 px admin thumbnail
                      <img src={p.image.src} alt="" width={40} height={50} className="h-[50px] w-10 shrink-0 rounded bg-surface-sunken object-cover" loading="lazy" />
                    ) : (
                      <span aria-hidden="true" className="h-[50px] w-10 shrink-0 rounded bg-surface-sunken" />
                    )}
                    <span className="min-w-0">
                      <Link href={`${BASE}/${p.id}`} className="font-medium hover:underline">
                        {p.title}
                      </Link>
                      <span className="block truncate text-xs text-ink-muted">
                        {p.slug} · {p.variantCount === 1 ? "1 variant" : `${p.variantCount} variants`}
                      </span>
                    </span>
                  </div>
                </TableHead>
                <TableCell>
                  <Badge tone={productStatusTone[p.status]}>{productStatusText[p.status]}</Badge>
                </TableCell>
                <TableCell numeric>
                  {p.totalStock}
                  {p.lowestStock !== null && p.lowestStock <= threshold ? (
                    <Badge tone={p.lowestStock === 0 ? "danger" : "warning"} className="ms-2">
                      {p.lowestStock === 0 ? "Sold out" : "Low"}
                      {p.variantCount > 1 ? " (a variant)" : ""}
                    </Badge>
                  ) : null}
                </TableCell>
                <TableCell numeric>
                  {p.minPrice !== null && p.maxPrice !== null && p.currency ? formatPriceRange({ amount: p.minPrice, currency: p.currency }, { amount: p.maxPrice, currency: p.currency }) : "–"}
                </TableCell>
                <TableCell className="text-ink-muted">{formatDateTime(p.updatedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={pageCount} hrefFor={(page) => hrefWith(BASE, params, { page })} />
    </div>
  );
}
