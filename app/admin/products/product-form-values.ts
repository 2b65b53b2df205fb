import type { AdminProductDto } from "@/db/queries/admin-products";
import type { ProductFormValues } from "@/components/admin/products/product-form";
import { formatMoneyInput } from "@/lib/validations/product";

/** A stored product as the form shows it: amounts as decimals of its currency. */
export function productFormValues(product: AdminProductDto): ProductFormValues {
  return {
    id: product.id,
    title: product.title,
    slug: product.slug,
    summary: product.summary,
    description: product.description,
    materials: product.materials,
    care: product.care,
    status: product.status,
    rebuyAfterDays: product.rebuyAfterDays === null ? "" : String(product.rebuyAfterDays),
    collectionIds: product.collectionIds,
    optionNames: product.optionNames,
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      price: formatMoneyInput(v.price, v.currency),
      compareAt: v.compareAtPrice === null ? "" : formatMoneyInput(v.compareAtPrice, v.currency),
      stock: v.stock,
      options: product.optionNames.map((name) => v.options[name] ?? ""),
    })),
  };
}

export const emptyProduct: ProductFormValues = {
  title: "",
  slug: "",
  summary: "",
  description: "",
  materials: "",
  care: "",
  status: "draft",
  rebuyAfterDays: "",
  collectionIds: [],
  optionNames: [],
  variants: [{ sku: "", price: "", compareAt: "", stock: 0, options: [] }],
};
