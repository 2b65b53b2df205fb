import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/page-header";
import { ImportForm } from "@/components/admin/products/import-form";
import { requirePermissionForPage } from "@/lib/auth/session";
import { productCsvColumns } from "@/lib/catalog/csv";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Import products" };
export const instant = false;

export default async function ImportProductsPage() {
  await requirePermissionForPage("/admin/products/import", "catalog:write");
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title="Import products"
        description="Creates or updates products by slug and variants by SKU. Every row is checked first: if any row has a problem, nothing is imported and each problem is listed."
        back={
          <Link href="/admin/products" className="text-ink-muted hover:text-ink">
            ← Products
          </Link>
        }
      />
      <div className="max-w-prose space-y-2 text-sm text-ink-muted">
        <p>
          The easiest start is an{" "}
          <a href="/admin/products/export" download className="underline">
            export of the current products
          </a>
          : one row per variant, with the columns <code className="text-ink">{productCsvColumns.join(", ")}</code>.
        </p>
        <p>
          Lists (collections, option names, option values) are separated by “|”. Prices are in {shopConfig.currency}, e.g. 12.50. Change stock in the stock column and leave stock_exported as the export wrote it: the difference is added to the stock as it is now, so sales made since the export are kept. Without a stock_exported value, stock is set as the count you have (a stocktake). Variants not in the file are
          left as they are; nothing is deleted.
        </p>
      </div>
      <ImportForm />
    </div>
  );
}
