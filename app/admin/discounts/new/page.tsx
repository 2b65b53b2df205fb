import type { Metadata } from "next";
import Link from "next/link";
import { DiscountForm } from "@/components/admin/discounts/discount-form";
import { AdminPageHeader } from "@/components/admin/page-header";
import { requirePermissionForPage } from "@/lib/auth/session";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "New discount code" };
export const instant = false;

export default async function NewDiscountPage() {
  await requirePermissionForPage("/admin/discounts/new", "discounts:write");
  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/discounts" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Discounts
          </Link>
        }
        title="New discount code"
      />
      <DiscountForm currency={shopConfig.currency} />
    </div>
  );
}
