import type { Metadata } from "next";
import Link from "next/link";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: { template: `%s · Admin · ${shopConfig.name}`, default: `Admin · ${shopConfig.name}` }, robots: { index: false } };

/** Every admin page and action checks the role itself; this layout only frames them. */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-line bg-surface-raised">
        <div className="container-page flex h-14 items-center gap-6">
          <Link href="/admin" className="font-serif text-lg font-semibold">
            {shopConfig.name} <span className="font-sans text-sm font-normal text-ink-muted">admin</span>
          </Link>
          <nav aria-label="Admin" className="flex gap-4 text-sm">
            <Link href="/admin/orders" className="text-ink-muted hover:text-ink">
              Orders
            </Link>
            <Link href="/" className="text-ink-muted hover:text-ink">
              View shop
            </Link>
          </nav>
        </div>
      </header>
      <main id="main" className="container-page flex-1 py-8">
        {children}
      </main>
    </>
  );
}
