import Link from "next/link";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="container-page flex-1 py-20 text-center">
        <p className="text-sm font-medium uppercase tracking-widest text-accent-700">404</p>
        <h1 className="mt-3 text-3xl md:text-4xl">We couldn’t find that page</h1>
        <p className="mx-auto mt-4 max-w-md text-ink-muted">
          The product may have sold out for good, or the link may be mistyped. Try searching, or start from the home page.
        </p>
        <form action="/search" role="search" className="mx-auto mt-8 flex max-w-md gap-2">
          <label htmlFor="notfound-q" className="sr-only">
            Search products
          </label>
          <Input id="notfound-q" name="q" type="search" shape="pill" maxLength={100} className="flex-1" />
          <Button type="submit">Search</Button>
        </form>
        <div className="mt-6">
          <ButtonLink href="/" variant="secondary">
            Back to the shop
          </ButtonLink>
        </div>
        <p className="mt-10 text-sm">
          <Link href="/collections/candles" className="underline underline-offset-4">
            Or browse candles
          </Link>
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
