import type { Metadata } from "next";
import Link from "next/link";
import { AddressForm, AddressRowActions } from "@/components/account/address-forms";
import { Badge } from "@/components/ui/badge";
import { listAddresses } from "@/db/queries/accounts";
import { requireUserForPage } from "@/lib/auth/session";
import { countryName } from "@/lib/delivery-countries";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Your addresses" };
export const instant = false;

export default async function AddressesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserForPage("/account/addresses");
  const [addresses, params] = await Promise.all([listAddresses(user.id), searchParams]);
  const editing = typeof params.edit === "string" ? addresses.find((a) => String(a.id) === params.edit) : undefined;
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl md:text-4xl">Your addresses</h1>
      <p className="mt-2 text-ink-muted">Checkout fills in your default address; you can still change it there.</p>
      {params.saved ? (
        <Notice className="mt-6">
          Address saved.
        </Notice>
      ) : null}
      {addresses.length === 0 ? (
        <p className="mt-8 rounded-card border border-dashed border-line-strong p-8 text-center text-ink-muted">You have no saved addresses yet.</p>
      ) : (
        <ul className="mt-6 space-y-4" aria-label="Saved addresses">
          {addresses.map((address) => (
            <li key={address.id} className="rounded-card border border-line bg-surface-raised p-5">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {address.name}
                {address.isDefault ? <Badge>Default</Badge> : null}
              </p>
              <p className="mt-1 text-sm text-ink-muted">
                {[address.line1, address.line2, `${address.city} ${address.postalCode}`, countryName(address.country)].filter(Boolean).join(", ")}
              </p>
              <AddressRowActions address={address} />
            </li>
          ))}
        </ul>
      )}
      <section className="mt-10 rounded-card border border-line bg-surface-raised p-5">
        <h2 className="mb-4 text-xl">{editing ? "Edit address" : "Add an address"}</h2>
        <AddressForm key={editing?.id ?? "new"} address={editing} />
        {editing ? (
          <Link href="/account/addresses" className="mt-4 inline-block text-sm underline underline-offset-4">
            Cancel editing
          </Link>
        ) : null}
      </section>
    </div>
  );
}
