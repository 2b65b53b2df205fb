import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EraseCustomerButton } from "@/components/admin/customers/erase-customer";
import { ConsentHistoryList } from "@/components/admin/consent-history";
import { merchantStatusLabel } from "@/components/admin/orders/order-wording";
import { AdminPageHeader, EmptyState } from "@/components/admin/page-header";
import { ConfirmItsYouForm } from "@/components/account/privacy-forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listAddresses, listOrdersForUser } from "@/db/queries/accounts";
import { getCustomer } from "@/db/queries/admin-customers";
import { getConsentStates, getSubscriberForUser, listConsentHistory } from "@/db/queries/consent";
import { param, type SearchParams } from "@/lib/admin/list-params";
import { can } from "@/lib/auth/permissions";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/auth/recent-sign-in";
import { requirePermissionForPage } from "@/lib/auth/session";
import { consentPurposes } from "@/lib/consent/purposes";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Customer" };
export const instant = false;

const ID = /^[A-Za-z0-9-]{1,64}$/;

export default async function AdminCustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const staff = await requirePermissionForPage(`/admin/customers/${encodeURIComponent(id)}`, "customers:read");
  if (!ID.test(id)) notFound();
  const customer = await getCustomer(id, shopConfig.currency);
  if (!customer) notFound();
  const query = await searchParams;

  const subscriber = await getSubscriberForUser(customer.id, customer.email);
  const subject = { userId: customer.id, subscriberId: subscriber?.id ?? null };
  const [orders, addresses, states, history, recent] = await Promise.all([
    listOrdersForUser(customer.id),
    listAddresses(customer.id),
    getConsentStates(subject, consentPurposes.map((p) => p.id)),
    listConsentHistory(subject),
    signedInRecently(staff),
  ]);
  const mayExport = can(staff.role, "customers:export");
  const mayErase = can(staff.role, "customers:erase");
  const here = `/admin/customers/${customer.id}`;

  return (
    <div className="max-w-5xl">
      <AdminPageHeader
        back={
          <Link href="/admin/customers" className="text-ink-muted underline underline-offset-4 hover:text-ink">
            ← Customers
          </Link>
        }
        title={customer.name || customer.email}
        description={customer.name ? customer.email : undefined}
      />

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Joined", formatDate(customer.joinedAt)],
          ["Email", customer.emailVerifiedAt ? "Verified" : "Not verified"],
          ["Orders", String(customer.orders)],
          ["Spent", formatMoney({ amount: customer.spent, currency: shopConfig.currency })],
        ].map(([term, value]) => (
          <div key={term} className="rounded-card border border-line bg-surface-raised p-4">
            <dt className="text-xs text-ink-muted">{term}</dt>
            <dd className="mt-1 text-lg font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="orders-heading" className="mt-10">
        <h2 id="orders-heading" className="text-2xl">
          Orders
        </h2>
        {orders.length === 0 ? (
          <div className="mt-3">
            <EmptyState title="No orders with this account yet." />
          </div>
        ) : (
          <Table caption="Orders" captionHidden wrapperClassName="mt-3" className="min-w-[32rem]">
            <TableHeader>
              <TableRow>
                <TableHead>Order</TableHead>
                <TableHead>Placed</TableHead>
                <TableHead>Status</TableHead>
                <TableHead numeric>Items</TableHead>
                <TableHead numeric>Total</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {orders.map((order) => (
                <TableRow key={order.id}>
                  <TableHead scope="row">
                    <Link href={`/admin/orders/${order.id}`} className="underline underline-offset-4">
                      {order.number}
                    </Link>
                  </TableHead>
                  <TableCell className="text-ink-muted">{formatDateTime(order.createdAt)}</TableCell>
                  <TableCell>{merchantStatusLabel[order.status as keyof typeof merchantStatusLabel] ?? order.status}</TableCell>
                  <TableCell numeric>{order.itemCount}</TableCell>
                  <TableCell numeric>{formatMoney({ amount: order.totalAmount, currency: order.currency.trim() })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="addresses-heading" className="mt-10">
        <h2 id="addresses-heading" className="text-2xl">
          Saved addresses
        </h2>
        {addresses.length === 0 ? (
          <p className="mt-3 text-sm text-ink-muted">No saved addresses.</p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {addresses.map((a) => (
              <li key={a.id} className="rounded-card border border-line bg-surface-raised p-4 text-sm">
                <p className="font-medium">
                  {a.name} {a.isDefault ? <Badge className="ms-1">Default</Badge> : null}
                </p>
                <p className="mt-1 text-ink-muted">{[a.line1, a.line2, a.city, a.postalCode, a.country.trim()].filter(Boolean).join(", ")}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="consent-heading" className="mt-10">
        <h2 id="consent-heading" className="text-2xl">
          Consent
        </h2>
        <Notice role="note" className="mt-3">
          Read-only. Only the customer can give or withdraw consent, in their privacy centre, a signup form or an email link: staff cannot grant it on their behalf, so there is no
          control for it here. The full history from the consent ledger is below.
        </Notice>
        <ConsentHistoryList purposes={consentPurposes} granted={(id) => states.get(id)?.granted === true} history={history} />
      </section>

      {mayExport || mayErase ? (
        <section aria-labelledby="requests-heading" className="mt-10 rounded-card border border-line bg-surface-raised p-5">
          <h2 id="requests-heading" className="text-2xl">
            Data requests
          </h2>
          <p className="mt-2 max-w-prose text-sm text-ink-muted">
            When this customer asks for a copy of their data or for it to be erased. Both use the same export and erasure as the customer’s own privacy centre, and both are
            recorded in the audit log.
          </p>
          {recent ? (
            <div className="mt-4 flex flex-wrap gap-3">
              {mayExport ? (
                <Button asChild variant="secondary">
                  {/* A plain link: a download, and nothing to prefetch. */}
                  <a href={`${here}/export`} download>
                    Download customer data (JSON)
                  </a>
                </Button>
              ) : null}
              {mayErase ? <EraseCustomerButton customerId={customer.id} orders={customer.orders} /> : null}
            </div>
          ) : (
            <div className="mt-4 space-y-3">
              {param(query, "confirm") === "1" ? <Notice>Your sign-in is more than {RECENT_SIGN_IN_MINUTES} minutes old. Confirm it is you, then download again.</Notice> : null}
              <ConfirmItsYouForm email={staff.email} returnTo={here}>
                Exporting or erasing a customer’s data needs a sign-in from the last {RECENT_SIGN_IN_MINUTES} minutes, so we first check that it is really you:
              </ConfirmItsYouForm>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
