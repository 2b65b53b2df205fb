import type { Metadata } from "next";
import Link from "next/link";
import { TokenLimitNotice } from "@/components/shop/token-limit-notice";
import { Button } from "@/components/ui/button";
import { asPlainFormAction } from "@/lib/actions";
import { guardTokenCheck } from "@/lib/privacy/rate-limit";
import { readBackInStockConfirmation } from "@/lib/back-in-stock/request";
import { BACK_IN_STOCK_CONFIRMATION_DAYS } from "@/lib/back-in-stock/wording";
import { confirmBackInStockAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your back-in-stock request", robots: { index: false }, referrer: "same-origin" };
export const instant = false;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The page a guest's confirmation link opens. Opening it changes nothing: mail scanners open
 * every link in a message, and only the person pressing the button is the owner agreeing.
 */
export default async function ConfirmBackInStockPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const confirmation = await readBackInStockConfirmation(token);
  if ((await guardTokenCheck(confirmation !== null)) === "limited") return <TokenLimitNotice />;
  if (!confirmation || confirmation.state === "expired") {
    const expired = confirmation?.state === "expired";
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">{expired ? "This link has expired" : "This link is not valid"}</h1>
        <p className="mt-4 text-ink-muted">
          {expired
            ? `Confirmation links work for ${BACK_IN_STOCK_CONFIRMATION_DAYS} days, so that an old email cannot sign anyone up. Nothing was changed: ask again on the product page.`
            : "The link may be incomplete, or it was not sent by us. Nothing was changed."}
        </p>
        {confirmation ? (
          <Link href={`/products/${confirmation.variant.productSlug}`} className="mt-6 inline-block font-medium underline underline-offset-4">
            Back to {confirmation.variant.productTitle}
          </Link>
        ) : null}
      </div>
    );
  }
  const { variant } = confirmation;
  const item = variant.optionLabel ? `${variant.productTitle} (${variant.optionLabel})` : variant.productTitle;
  const productHref = `/products/${variant.productSlug}?variant=${encodeURIComponent(variant.sku)}`;
  if (confirmation.state === "confirmed" || confirmation.state === "ended") {
    return (
      <div className="container-page max-w-xl py-10 md:py-16">
        <h1 className="text-3xl md:text-4xl">{confirmation.state === "ended" ? "This request has ended" : "You're on the list"}</h1>
        <p className="mt-4 text-ink-muted">
          {confirmation.state === "ended"
            ? `We have already sent the one email about ${item}, and forgotten the request.`
            : `${params.confirmed === "1" ? "Thank you. " : ""}We'll email ${confirmation.email} once when ${item} is back in stock, then forget the request. You are not on any newsletter.`}
        </p>
        <Link href={productHref} className="mt-6 inline-block font-medium underline underline-offset-4">
          Back to {variant.productTitle}
        </Link>
      </div>
    );
  }
  return (
    <div className="container-page max-w-xl py-10 md:py-16">
      <h1 className="text-3xl md:text-4xl">Confirm your request</h1>
      <p className="mt-4 text-ink-muted">
        Email <strong className="text-ink">{confirmation.email}</strong> once when <strong className="text-ink">{item}</strong> is back in stock? After that one
        email we forget the request. This does not sign you up to our newsletter.
      </p>
      <form action={asPlainFormAction(confirmBackInStockAction)} className="mt-8">
        <input type="hidden" name="token" value={token} />
        <Button type="submit" size="lg" className="w-full sm:w-auto">
          Yes, email me once
        </Button>
      </form>
      <p className="mt-6 text-sm text-ink-muted">Did not ask for this? Close this page: nothing happens unless you press the button.</p>
    </div>
  );
}
