import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { describeDiscountValue, describeValidity, discountStatus } from "@/components/admin/discounts/describe";
import { DiscountForm } from "@/components/admin/discounts/discount-form";
import { ToggleDiscountButton } from "@/components/admin/discounts/toggle-discount";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { getDiscount } from "@/db/queries/admin-discounts";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { discountFormValues } from "@/lib/validations/discount";

export const metadata: Metadata = { title: "Discount code" };
export const instant = false;

export default async function DiscountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const staff = await requirePermissionForPage(`/admin/discounts/${encodeURIComponent(raw)}`, "discounts:read");
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const discount = id ? await getDiscount(id) : null;
  if (!discount) notFound();
  const mayWrite = can(staff.role, "discounts:write");
  const status = discountStatus(discount);

  return (
    <div>
      <AdminPageHeader
        back={
          <Link href="/admin/discounts" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Discounts
          </Link>
        }
        title={<span className="font-mono">{discount.code}</span>}
        description={`${describeDiscountValue(discount)} · ${describeValidity(discount)}`}
        actions={mayWrite ? <ToggleDiscountButton id={discount.id} code={discount.code} active={discount.active} /> : null}
      />
      <dl className="mb-8 grid max-w-xl grid-cols-3 gap-3">
        <div className="rounded-card border border-line bg-surface-raised p-4">
          <dt className="text-xs text-ink-muted">Status</dt>
          <dd className="mt-1">
            <Badge tone={status.tone}>{status.label}</Badge>
          </dd>
        </div>
        <div className="rounded-card border border-line bg-surface-raised p-4">
          <dt className="text-xs text-ink-muted">Uses</dt>
          <dd className="mt-1 text-lg font-medium tabular-nums">
            {discount.uses}
            {discount.usageLimit !== null ? <span className="text-sm text-ink-muted"> of {discount.usageLimit}</span> : null}
          </dd>
        </div>
        <div className="rounded-card border border-line bg-surface-raised p-4">
          <dt className="text-xs text-ink-muted">Revenue</dt>
          <dd className="mt-1 text-lg font-medium tabular-nums">{formatMoney({ amount: discount.revenue, currency: discount.currency })}</dd>
        </div>
      </dl>
      {mayWrite ? (
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="mb-4 text-2xl">
            Terms
          </h2>
          <DiscountForm id={discount.id} currency={discount.currency} uses={discount.uses} initial={{ code: discount.code, ...discountFormValues(discount) }} />
        </section>
      ) : null}
    </div>
  );
}
