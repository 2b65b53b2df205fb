import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/components/admin/page-header";
import { ProductForm } from "@/components/admin/products/product-form";
import { listCollectionChoices } from "@/db/queries/admin-products";
import { requirePermissionForPage } from "@/lib/auth/session";
import { minorUnitDigits } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";
import { createProductAction } from "../actions";
import { emptyProduct } from "../product-form-values";

export const metadata: Metadata = { title: "New product" };
export const instant = false;

export default async function NewProductPage() {
  await requirePermissionForPage("/admin/products/new", "catalog:write");
  const collections = await listCollectionChoices();
  return (
    <div>
      <AdminPageHeader
        title="New product"
        description="Save it as a draft first if you like; photos are added once it is saved."
        back={
          <Link href="/admin/products" className="text-ink-muted hover:text-ink">
            ← Products
          </Link>
        }
      />
      <ProductForm
        action={createProductAction}
        values={emptyProduct}
        collections={collections}
        currency={shopConfig.currency}
        currencyDigits={minorUnitDigits(shopConfig.currency)}
        submitLabel="Create product"
      />
    </div>
  );
}
