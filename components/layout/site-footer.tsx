import { Suspense } from "react";
import Link from "next/link";
import { FooterNewsletterForm } from "@/components/shop/footer-newsletter-form";
import { shopConfig } from "@/lib/shop-config";
import { ShopContact, ShopName, SocialLinks } from "./shop-details";

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-line bg-surface-sunken">
      <div className="container-page grid gap-10 py-12 md:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="font-serif text-lg font-semibold">
            <Suspense fallback={shopConfig.name}>
              <ShopName />
            </Suspense>
          </p>
          <p className="mt-2 max-w-xs text-sm text-ink-muted">{shopConfig.tagline}</p>
          <Suspense>
            <ShopContact />
          </Suspense>
        </div>
        <section aria-labelledby="footer-newsletter" className="lg:order-last">
          <h2 id="footer-newsletter" className="font-sans text-sm font-semibold">
            Hear from the workshop
          </h2>
          <p className="mt-2 mb-3 text-sm text-ink-muted">New pieces first, by email: no algorithm in between.</p>
          <FooterNewsletterForm />
        </section>
        <nav aria-label="Shop">
          <h2 className="font-sans text-sm font-semibold">Shop</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {shopConfig.navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-ink-muted underline-offset-4 hover:text-ink hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Suspense>
          <SocialLinks />
        </Suspense>
      </div>
      <div className="border-t border-line">
        <div className="container-page flex flex-wrap items-center gap-x-6 gap-y-2 py-5 text-xs text-ink-muted">
          <p>
            ©{" "}
            <Suspense fallback={shopConfig.name}>
              <ShopName />
            </Suspense>
            . Built with Hearth: no trackers, no third-party scripts.
          </p>
          <ul className="flex gap-4">
            {shopConfig.legalLinks.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="underline-offset-4 hover:text-ink hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </footer>
  );
}
