import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/page-header";
import { AwaitingAction } from "@/components/admin/overview/awaiting-action";
import { FigureCard } from "@/components/admin/overview/figure-card";
import { formatCount, formatDayRange } from "@/components/admin/overview/format";
import { LowStock } from "@/components/admin/overview/low-stock";
import { PeriodPicker } from "@/components/admin/overview/period-picker";
import { RevenueByDay } from "@/components/admin/overview/revenue-by-day";
import { TopProducts } from "@/components/admin/overview/top-products";
import { getOverview, reportPeriods, type ReportPeriod } from "@/db/queries/admin-reports";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { requirePermissionForPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Overview" };
export const instant = false;

const DEFAULT_PERIOD: ReportPeriod = 30;

function readPeriod(params: SearchParams): ReportPeriod {
  const days = Number(param(params, "days"));
  return reportPeriods.find((p) => p === days) ?? DEFAULT_PERIOD;
}

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requirePermissionForPage("/admin", "reports:read");
  const days = readPeriod(await searchParams);
  const { summary, salesByDay, topProducts, lowStock, awaitingAction } = await getOverview({ days });
  const { totals, previousTotals: before, currency } = summary;
  const money = (amount: number | null) => (amount === null ? "No orders" : formatMoney({ amount, currency }));
  const linkProducts = can(staff.role, "catalog:read");
  const linkOrders = can(staff.role, "orders:read");

  return (
    <div>
      <AdminPageHeader
        title="Overview"
        description={`${formatDayRange(summary.current.from, summary.current.to)}, against the ${days} days before (${formatDayRange(summary.previous.from, summary.previous.to)}). Cancelled orders are left out.`}
        actions={<PeriodPicker periods={reportPeriods} current={days} />}
      />

      <section aria-labelledby="figures">
        <h2 id="figures" className="sr-only">
          Figures for the last {days} days
        </h2>
        <dl className="grid grid-cols-2 gap-3 xl:grid-cols-4">
          <FigureCard label="Revenue" value={money(totals.revenue)} current={totals.revenue} previous={before.revenue} previousText={money(before.revenue)} days={days} />
          <FigureCard label="Orders" value={formatCount(totals.orders)} current={totals.orders} previous={before.orders} previousText={formatCount(before.orders)} days={days} />
          <FigureCard
            label="Average order value"
            value={money(totals.averageOrderValue)}
            current={totals.averageOrderValue}
            previous={before.averageOrderValue}
            previousText={money(before.averageOrderValue)}
            days={days}
          />
          <FigureCard
            label="New customers"
            value={formatCount(totals.newCustomers)}
            current={totals.newCustomers}
            previous={before.newCustomers}
            previousText={formatCount(before.newCustomers)}
            days={days}
          />
        </dl>
      </section>

      <div className="mt-6">
        <RevenueByDay sales={salesByDay} currency={currency} days={days} />
      </div>

      <div className="mt-8 grid gap-8 xl:grid-cols-2">
        <TopProducts title="Top products by sales" by="revenue" products={topProducts.byRevenue} currency={currency} linkProducts={linkProducts} />
        <TopProducts title="Top products by units sold" by="units" products={topProducts.byUnits} currency={currency} linkProducts={linkProducts} />
        <AwaitingAction awaiting={awaitingAction} linkOrders={linkOrders} />
        <LowStock lowStock={lowStock} linkProducts={linkProducts} />
      </div>
    </div>
  );
}
