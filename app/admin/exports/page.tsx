import type { Metadata } from "next";
import { ConfirmItsYouForm } from "@/components/account/privacy-forms";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Button } from "@/components/ui/button";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/auth/recent-sign-in";
import { requirePermissionForPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Exports" };
export const instant = false;

const exportsOffered = [
  {
    href: "/admin/exports/orders.csv",
    title: "Orders",
    description: "One row per order: number, date, status, customer email, name and country, amounts with their currency, discount code.",
  },
  { href: "/admin/exports/order-lines.csv", title: "Order lines", description: "One row per item ordered, with its order number: SKU, product, variant, quantity, prices." },
  { href: "/admin/exports/customers.csv", title: "Customers", description: "Every customer account: email, name, when they joined, their orders and what they spent." },
  {
    href: "/admin/exports/subscribers.csv",
    title: "Newsletter subscribers",
    description: "One row per address and topic they are subscribed to, with the consent that stands: when, where (source), how, and the version of the wording they agreed to.",
  },
];

export default async function AdminExportsPage() {
  const staff = await requirePermissionForPage("/admin/exports", "exports:read");
  const recent = await signedInRecently(staff);
  return (
    <div className="max-w-4xl">
      <AdminPageHeader
        title="Exports"
        description="Your shop’s data, yours to take anywhere: each download is a CSV file (UTF-8, opens in any spreadsheet) with everything up to this moment. Each download is recorded in the audit log."
      />
      {recent ? null : (
        <section aria-labelledby="confirm-heading" className="mb-6 rounded-card border border-line bg-surface-raised p-5">
          <h2 id="confirm-heading" className="mb-2 font-sans text-base font-semibold">
            Confirm it is you to download
          </h2>
          <ConfirmItsYouForm email={staff.email} returnTo="/admin/exports">
            These files hold your customers&apos; personal data, so a download needs a sign-in from the last {RECENT_SIGN_IN_MINUTES} minutes:
          </ConfirmItsYouForm>
        </section>
      )}
      <ul className="grid gap-4 sm:grid-cols-2">
        {exportsOffered.map((item) => (
          <li key={item.href} className="flex flex-col rounded-card border border-line bg-surface-raised p-5">
            <h2 className="font-sans text-base font-semibold">{item.title}</h2>
            <p className="mt-1 flex-1 text-sm text-ink-muted">{item.description}</p>
            {recent ? (
              <Button asChild variant="secondary" size="sm" className="mt-4 self-start">
                {/* A plain link: a download, and nothing to prefetch. */}
                <a href={item.href} download>
                  Download <span className="sr-only">{item.title.toLowerCase()}</span> CSV
                </a>
              </Button>
            ) : (
              <p className="mt-4 text-sm text-ink-muted">Confirm it is you above to download.</p>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-6 max-w-prose text-sm text-ink-muted">
        Amounts are decimal numbers beside a currency column; times are in UTC. Cells that a spreadsheet would run as a formula (starting with =, +, - or @) begin with an
        apostrophe, so a name typed as a formula stays text.
      </p>
    </div>
  );
}
