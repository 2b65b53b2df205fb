import type { Metadata } from "next";
import Link from "next/link";
import { describeDiscountValue, describeValidity, discountStatus } from "@/components/admin/discounts/describe";
import { ToggleDiscountButton } from "@/components/admin/discounts/toggle-discount";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listDiscounts } from "@/db/queries/admin-discounts";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Discounts" };
export const instant = false;

export default async function AdminDiscountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage("/admin/discounts", "discounts:read");
  const [discounts, params] = await Promise.all([listDiscounts(), searchParams]);
  const mayWrite = can(staff.role, "discounts:write");
  const created = param(params, "created");

  return (
    <div>
      <AdminPageHeader
        title="Discounts"
        description="Codes shoppers type at checkout. Uses count the orders carrying a code (cancelled ones excepted); revenue counts those that were paid."
        actions={mayWrite ? <ButtonLink href="/admin/discounts/new">New discount code</ButtonLink> : null}
      />
      {created ? <Notice className="mb-4">Discount code {created.slice(0, 40)} created. Shoppers can use it at checkout from its first day.</Notice> : null}
      {discounts.length === 0 ? (
        <EmptyState title="No discount codes yet.">{mayWrite ? "Create one for a sale, a newsletter or a thank-you." : null}</EmptyState>
      ) : (
        <Table caption="Discount codes" captionHidden className="min-w-[48rem]">
          <TableHeader>
            <TableRow>
              <TableHead>Code</TableHead>
              <TableHead>Discount</TableHead>
              <TableHead>Dates</TableHead>
              <TableHead numeric>Uses</TableHead>
              <TableHead numeric>Revenue</TableHead>
              <TableHead>Status</TableHead>
              {mayWrite ? (
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {discounts.map((d) => {
              const status = discountStatus(d);
              return (
                <TableRow key={d.id} data-code={d.code}>
                  <TableHead scope="row">
                    <Link href={`/admin/discounts/${d.id}`} className="font-mono underline-offset-4 hover:underline">
                      {d.code}
                    </Link>
                  </TableHead>
                  <TableCell>
                    {describeDiscountValue(d)}
                    {d.minSubtotal > 0 ? <span className="block text-ink-muted">on orders of {formatMoney({ amount: d.minSubtotal, currency: d.currency })} or more</span> : null}
                  </TableCell>
                  <TableCell className="text-ink-muted">{describeValidity(d)}</TableCell>
                  <TableCell numeric>
                    {d.uses}
                    {d.usageLimit !== null ? <span className="text-ink-muted"> / {d.usageLimit}</span> : null}
                  </TableCell>
                  <TableCell numeric>{formatMoney({ amount: d.revenue, currency: shopConfig.currency })}</TableCell>
                  <TableCell>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </TableCell>
                  {mayWrite ? (
                    <TableCell>
                      <div className="flex items-center justify-end gap-2">
                        <ButtonLink href={`/admin/discounts/${d.id}`} variant="ghost" size="sm">
                          Edit <span className="sr-only">{d.code}</span>
                        </ButtonLink>
                        <ToggleDiscountButton id={d.id} code={d.code} active={d.active} />
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
