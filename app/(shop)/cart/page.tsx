import type { Metadata } from "next";
import Link from "next/link";
import { CartLine } from "@/components/shop/cart-line";
import { Recommendations } from "@/components/shop/recommendations";
import { ButtonLink } from "@/components/ui/button";
import { currentCart } from "@/lib/cart/current-cart";
import { formatMoney } from "@/lib/money";
import { getCachedShopSettings } from "@/lib/settings/cached";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

// The cart is one visitor's own and cheap to read, so the page waits for it instead of
// streaming it into a placeholder: that way it also works with JavaScript switched off.
export const instant = false;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function CartPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="container-page max-w-3xl py-8 md:py-12">
      <h1 className="text-3xl md:text-4xl">Your cart</h1>
      <CartContents searchParams={searchParams} />
    </div>
  );
}

const notes: Record<string, string> = {
  stock: "We have fewer left than you asked for, so your cart holds all we have.",
  maximum: "You have the most of one item a cart can hold. For larger orders, please write to us.",
};

// Awaited with the cart rather than streamed, so they work with JavaScript off too.
const suggestionsClass = "mt-12 border-t border-line pt-8";

async function CartContents({ searchParams }: { searchParams: SearchParams }) {
  const [{ cart }, params] = await Promise.all([currentCart(), searchParams]);
  const note = typeof params.note === "string" ? notes[params.note] : undefined;

  if (!cart || cart.lines.length === 0) {
    return (
      <>
        <div className="mt-8 rounded-card border border-dashed border-line-strong p-10 text-center">
          <p className="font-medium">Your cart is empty.</p>
          <p className="mt-2 text-sm text-ink-muted">Find something you love, then come back here to check out.</p>
          <div className="mt-6">
            <ButtonLink href="/">Continue shopping</ButtonLink>
          </div>
        </div>
        <Recommendations place={{ page: "cart" }} className={suggestionsClass} />
      </>
    );
  }

  const settings = await getCachedShopSettings();
  const standard = settings.deliveryRates[0];
  return (
    <>
      {note ? (
        <Notice className="mt-6">
          {note}
        </Notice>
      ) : null}
      <ul className="mt-6 divide-y divide-line border-y border-line">
        {cart.lines.map((line) => (
          <CartLine key={`${line.variantId}:${line.quantity}`} line={line} />
        ))}
      </ul>
      <div className="mt-6 flex flex-col items-end gap-2">
        <p className="flex w-full justify-between text-lg sm:max-w-xs">
          <span>Subtotal</span>
          <span className="font-medium" data-testid="cart-subtotal">
            {formatMoney({ amount: cart.subtotal, currency: cart.currency })}
          </span>
        </p>
        <p className="text-sm text-ink-muted">
          {settings.pricesIncludeTax ? "Includes VAT. " : "Tax is added at checkout. "}
          {standard?.freeOver ? `Free standard delivery over ${formatMoney({ amount: standard.freeOver, currency: cart.currency })}.` : null}
        </p>
        {cart.checkoutReady ? (
          <ButtonLink href="/checkout" size="lg" className="mt-2 w-full sm:w-auto">
            Check out
          </ButtonLink>
        ) : (
          <p role="alert" className="text-sm font-medium text-danger">
            Some items need your attention before you can check out.
          </p>
        )}
        <Link href="/" className="mt-2 text-sm underline underline-offset-4">
          Continue shopping
        </Link>
      </div>
      <Recommendations place={{ page: "cart" }} className={suggestionsClass} />
    </>
  );
}
