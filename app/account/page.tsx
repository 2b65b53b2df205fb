import type { Metadata } from "next";
import Link from "next/link";
import { orderStatusText } from "@/components/shop/order-details";
import { Recommendations } from "@/components/shop/recommendations";
import { Button } from "@/components/ui/button";
import { listAddresses, listOrdersForUser } from "@/db/queries/accounts";
import { requireUserForPage } from "@/lib/auth/session";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };
export const instant = false;

export default async function AccountPage() {
  const user = await requireUserForPage("/account");
  const [orders, addresses] = await Promise.all([listOrdersForUser(user.id), listAddresses(user.id)]);
  const latest = orders[0];
  const defaultAddress = addresses.find((a) => a.isDefault);
  return (
    <div>
      <h1 className="text-3xl md:text-4xl">Hello{user.name ? `, ${user.name.split(" ")[0]}` : ""}</h1>
      <p className="mt-2 text-ink-muted">Signed in as {user.email}.</p>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <section className="rounded-card border border-line bg-surface-raised p-5">
          <h2 className="font-sans text-sm font-semibold">Latest order</h2>
          {latest ? (
            <p className="mt-2 text-sm">
              <Link href={`/account/orders/${latest.id}`} className="font-medium underline underline-offset-4">
                {latest.number}
              </Link>{" "}
              · {formatDate(latest.createdAt)} · {formatMoney({ amount: latest.totalAmount, currency: latest.currency })}
              <span className="block text-ink-muted">{orderStatusText[latest.status] ?? latest.status}</span>
            </p>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">No orders yet.</p>
          )}
          <Link href="/account/orders" className="mt-3 inline-block text-sm text-accent-700 underline underline-offset-4">
            All orders ({orders.length})
          </Link>
        </section>
        <section className="rounded-card border border-line bg-surface-raised p-5">
          <h2 className="font-sans text-sm font-semibold">Default address</h2>
          {defaultAddress ? (
            <p className="mt-2 text-sm">
              {defaultAddress.name}, {defaultAddress.line1}, {defaultAddress.city} {defaultAddress.postalCode}
            </p>
          ) : (
            <p className="mt-2 text-sm text-ink-muted">No saved address. Checkout fills in your default address.</p>
          )}
          <Link href="/account/addresses" className="mt-3 inline-block text-sm text-accent-700 underline underline-offset-4">
            Manage addresses
          </Link>
        </section>
        <section className="rounded-card border border-line bg-surface-raised p-5 sm:col-span-2">
          <h2 className="font-sans text-sm font-semibold">Your data and emails</h2>
          <p className="mt-2 text-sm text-ink-muted">
            See every consent you have given, choose which emails you get, download everything we store about you, or delete your account.
          </p>
          <Link href="/account/privacy" className="mt-3 inline-block text-sm text-accent-700 underline underline-offset-4">
            Open your privacy centre
          </Link>
        </section>
      </div>
      <Recommendations place={{ page: "account" }} className="mt-10 border-t border-line pt-8" />
      <form action={signOutAction} className="mt-8 md:hidden">
        <Button type="submit" variant="secondary">
          Sign out
        </Button>
      </form>
    </div>
  );
}
