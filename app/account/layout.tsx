import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { Button } from "@/components/ui/button";
import { signOutAction } from "./actions";

export const metadata: Metadata = { robots: { index: false } };

/** Every page below checks the session itself; this layout only frames them. */
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="flex-1">
        <div className="container-page py-8 md:grid md:grid-cols-[12rem_1fr] md:gap-10 md:py-12">
          <aside className="mb-6 md:mb-0">
            <AccountNav />
            <form action={signOutAction} className="mt-2 hidden md:block">
              {/* Quiet, like the account links above it. */}
              <Button type="submit" variant="nav" size="none">
                Sign out
              </Button>
            </form>
          </aside>
          <div className="min-w-0">{children}</div>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
