import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/components/admin/page-header";
import { ProductForm } from "@/components/admin/products/product-form";
import { ProductImages } from "@/components/admin/products/product-images";
import { productStatusText, productStatusTone } from "@/components/admin/products/product-words";
import { Badge } from "@/components/ui/badge";
import { Notice } from "@/components/ui/notice";
import { getAdminProduct, listCollectionChoices } from "@/db/queries/admin-products";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { minorUnitDigits } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";
import { MAX_UPLOAD_BYTES } from "@/lib/storage/product-images";
import { updateProductAction } from "../actions";
import { productFormValues } from "../product-form-values";

export const metadata: Metadata = { title: "Edit product" };
export const instant = false;

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  const staff = await requirePermissionForPage(`/admin/products/${encodeURIComponent(id)}`, "catalog:read");
  if (!/^\d{1,9}$/.test(id)) notFound();
  const [product, collections, { created }] = await Promise.all([getAdminProduct(Number(id)), listCollectionChoices(), searchParams]);
  if (!product) notFound();
  const writable = can(staff.role, "catalog:write");
  return (
    <div className="space-y-6">
      <AdminPageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {product.title}
            <Badge tone={productStatusTone[product.status]}>{productStatusText[product.status]}</Badge>
          </span>
        }
        description={`Product #${product.id}`}
        back={
          <Link href="/admin/products" className="text-ink-muted hover:text-ink">
            ← Products
          </Link>
        }
        actions={
          product.status === "published" ? (
            <Link href={`/products/${product.slug}`} className="text-sm underline underline-offset-4">
              View in shop
            </Link>
          ) : null
        }
      />
      {created ? <Notice>Product created. Add photos below, and publish it when it is ready.</Notice> : null}
      {writable ? (
        <>
          <ProductImages productId={product.id} images={product.images} maxBytes={MAX_UPLOAD_BYTES} />
          <ProductForm
            action={updateProductAction}
            values={productFormValues(product)}
            collections={collections}
            currency={shopConfig.currency}
            currencyDigits={minorUnitDigits(shopConfig.currency)}
            submitLabel="Save product"
          />
        </>
      ) : (
        <Notice>Your role can look at products but not change them.</Notice>
      )}
    </div>
  );
}
