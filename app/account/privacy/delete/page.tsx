import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmItsYouForm, DeleteAccountForm } from "@/components/account/privacy-forms";
import { listOrdersForUser } from "@/db/queries/accounts";
import { RECENT_SIGN_IN_MINUTES, signedInRecently } from "@/lib/auth/recent-sign-in";
import { requireUserForPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Delete my account" };
export const instant = false;

export default async function DeleteAccountPage() {
  const user = await requireUserForPage("/account/privacy/delete");
  const [orders, recent] = await Promise.all([listOrdersForUser(user.id), signedInRecently(user)]);
  return (
    <div className="max-w-2xl">
      <Link href="/account/privacy" className="text-sm text-ink-muted underline underline-offset-4">
        ← Privacy centre
      </Link>
      <h1 className="mt-3 text-3xl md:text-4xl">Delete my account</h1>
      <div className="mt-8 grid gap-4 sm:grid-cols-2">
        <section className="rounded-card border border-line bg-surface-raised p-5">
          <h2 className="font-sans text-base font-semibold">Erased for good</h2>
          <ul className="mt-3 list-disc space-y-1 ps-5 text-sm text-ink-muted">
            <li>Your name, email address and profile</li>
            <li>Your saved addresses and saved cart</li>
            <li>Your newsletter subscription and every consent record</li>
            <li>Your email address in our record of emails sent</li>
            <li>All your signed-in sessions, on every device</li>
          </ul>
        </section>
        <section className="rounded-card border border-line bg-surface-raised p-5">
          <h2 className="font-sans text-base font-semibold">Kept, without your name</h2>
          <ul className="mt-3 list-disc space-y-1 ps-5 text-sm text-ink-muted">
            <li>
              {orders.length === 0 ? "Your orders (you have none)" : `Your ${orders.length} ${orders.length === 1 ? "order" : "orders"}`}: what was bought, prices, tax and the
              delivery country, because accounting law requires it. Name, email and address are replaced by placeholders.
            </li>
            <li>A scrambled fingerprint of your email address (not the address), so it can never be imported into our mailing list again.</li>
          </ul>
        </section>
      </div>
      <p className="mt-6 text-sm text-ink-muted">
        Want a copy first?{" "}
        <a href="/account/privacy/export" download className="underline underline-offset-4">
          Download your data
        </a>
        .
      </p>
      <div className="mt-8 rounded-card border border-danger/40 p-5">
        {user.role !== "customer" ? (
          <p className="text-sm">You are on the shop&apos;s team, so this account cannot be deleted here. Ask an admin to remove you from the team first; then you can delete it.</p>
        ) : recent ? (
          <DeleteAccountForm />
        ) : (
          <ConfirmItsYouForm email={user.email} />
        )}
      </div>
      {recent || user.role !== "customer" ? null : <p className="mt-3 text-xs text-ink-muted">The link works for one sign-in; after it you have {RECENT_SIGN_IN_MINUTES} minutes to delete the account.</p>}
    </div>
  );
}
