import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { Button } from "@/components/ui/button";
import { ToastProvider } from "@/components/ui/toast";
import { navigationFor } from "@/lib/admin/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { shopConfig } from "@/lib/shop-config";
import { signOutAction } from "../account/actions";

export const metadata: Metadata = { title: { template: `%s · Admin · ${shopConfig.name}`, default: `Admin · ${shopConfig.name}` }, robots: { index: false } };

/** The menu for whoever is signed in; empty for anyone who may not open the admin. */
async function MenuForRole() {
  const user = await getSessionUser();
  if (!user) return null;
  const items = navigationFor(user.role).map(({ href, label }) => ({ href, label }));
  if (items.length === 0) return null;
  return (
    <>
      <AdminNav items={items} />
      <p className="mt-4 hidden truncate text-xs text-ink-muted lg:block" title={user.email}>
        Signed in as {user.email} ({user.role})
      </p>
    </>
  );
}

/**
 * Every admin page, action and route handler checks its own permission; this layout only
 * frames them. A menu row on tablets and phones, a sidebar from 1024 px.
 */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col lg:grid lg:grid-cols-[13rem_minmax(0,1fr)]">
      <header className="border-b border-line bg-surface-raised lg:border-e lg:border-b-0">
        <div className="flex flex-col gap-3 px-4 py-3 lg:sticky lg:top-0 lg:px-4 lg:py-6">
          <div className="flex items-center gap-3">
            <Link href="/admin" className="font-serif text-lg font-semibold">
              {shopConfig.name} <span className="font-sans text-sm font-normal text-ink-muted">admin</span>
            </Link>
            <div className="ms-auto flex items-center gap-3 text-sm lg:hidden">
              <Link href="/" className="text-ink-muted hover:text-ink">
                View shop
              </Link>
            </div>
          </div>
          <Suspense fallback={<div className="h-8" aria-hidden />}>
            <MenuForRole />
          </Suspense>
          <div className="hidden flex-col items-start gap-1 border-t border-line pt-3 lg:flex">
            <Link href="/" className="w-full rounded-lg px-4 py-2 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink">
              View shop
            </Link>
            <form action={signOutAction} className="w-full">
              <Button type="submit" variant="nav" size="none">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8 lg:py-8">
        <ToastProvider>{children}</ToastProvider>
      </main>
    </div>
  );
}
