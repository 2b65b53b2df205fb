import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { CheckoutForm } from "@/components/shop/checkout-form";
import { TotalsList } from "@/components/shop/totals-list";
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { listAddresses } from "@/db/queries/accounts";
import { previewDiscount } from "@/db/queries/orders";
import { currentCart } from "@/lib/cart/current-cart";
import { computeTotals } from "@/lib/checkout/pricing";
import { formatMoney } from "@/lib/money";
import { getCachedShopSettings } from "@/lib/settings/cached";
import { judgeDiscountCode } from "@/lib/checkout/discount-guesses";
import { AppError } from "@/lib/errors";
export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

// Per visitor and must work without JavaScript: render it whole rather than stream it.
export const instant = false;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckoutPage({ searchParams }: { searchParams: SearchParams }) {
  const [{ cart, user }, params] = await Promise.all([currentCart(), searchParams]);
  const codeParam = typeof params.code === "string" ? params.code.trim() : "";

  if (!cart || cart.lines.length === 0) {
    return (
      <div className="container-page max-w-2xl py-12 text-center">
        <h1 className="text-3xl">Checkout</h1>
        <p className="mt-4 text-ink-muted">Your cart is empty, so there is nothing to check out yet.</p>
        <div className="mt-6">
          <ButtonLink href="/">Continue shopping</ButtonLink>
        </div>
      </div>
    );
  }
  if (!cart.checkoutReady) {
    return (
      <div className="container-page max-w-2xl py-12 text-center">
        <h1 className="text-3xl">Checkout</h1>
        <p role="alert" className="mt-4 text-danger">
          Some items in your cart have sold out or changed since you added them.
        </p>
        <div className="mt-6">
          <ButtonLink href="/cart">Review your cart</ButtonLink>
        </div>
      </div>
    );
  }

  const money = (amount: number) => formatMoney({ amount, currency: cart.currency });
  const settings = await getCachedShopSettings();
  const standard = settings.deliveryRates[0]!;
  const preview = codeParam ? await previewWithinLimits(cart.id, () => previewDiscount(codeParam, cart.subtotal, cart.currency)) : null;
  const discount = preview?.ok ? { kind: preview.kind, value: preview.value } : null;
  const estimate = computeTotals({
    lines: cart.lines,
    discount,
    shipping: standard,
    taxRate: settings.taxRate,
    pricesIncludeTax: settings.pricesIncludeTax,
  });
  const shippingOptions = settings.deliveryRates.map((m) => {
    const amount = m.freeOver !== null && cart.subtotal >= m.freeOver ? 0 : m.amount;
    return { code: m.code, label: m.label, price: amount === 0 ? "Free" : money(amount) };
  });

  return (
    <div className="container-page py-8 md:py-12">
      <h1 className="text-3xl md:text-4xl">Checkout</h1>
      <div className="mt-8 grid gap-10 md:grid-cols-[1fr_20rem]">
        {/* A fresh key per page view: resubmitting this form returns the same order. */}
        <div className="space-y-8">
          {/* Its own small GET form, so applying a code puts only the code in the URL, never an address. */}
          <form action="/checkout" method="get" className="rounded-card border border-line bg-surface-raised p-4" aria-label="Discount code">
            <Label htmlFor="code">Discount code</Label>
            <div className="mt-1 flex gap-2">
              <Input
                id="code"
                name="code"
                defaultValue={preview?.ok ? preview.code : codeParam}
                autoComplete="off"
                maxLength={40}
                aria-invalid={preview && !preview.ok ? true : undefined}
                aria-describedby={preview ? "code-result" : undefined}
                className="flex-1 uppercase"
              />
              <Button type="submit" variant="secondary">
                Apply
              </Button>
            </div>
            {preview ? (
              <p id="code-result" role="status" className={`mt-2 text-sm ${preview.ok ? "text-success" : "font-medium text-danger"}`}>
                {preview.ok ? `✓ ${preview.code} applied: −${money(estimate.discount)}` : `⚠ ${preview.message}`}
              </p>
            ) : null}
          </form>
          <CheckoutForm
            idempotencyKey={randomUUID()}
            prefill={user ? { email: user.email, address: (await listAddresses(user.id)).find((a) => a.isDefault) ?? null } : null}
            shippingOptions={shippingOptions}
            discountCode={preview?.ok ? preview.code : ""}
          />
        </div>
        <aside aria-labelledby="summary-heading" className="h-fit rounded-card border border-line bg-surface-raised p-5 md:sticky md:top-4">
          <h2 id="summary-heading" className="text-xl">
            Order summary
          </h2>
          <ul className="mt-4 space-y-3 text-sm">
            {cart.lines.map((line) => (
              <li key={line.variantId} className="flex justify-between gap-3">
                <span>
                  {line.quantity} × {line.productTitle}
                  {line.variantTitle ? <span className="block text-ink-muted">{line.variantTitle}</span> : null}
                </span>
                <span>{money(line.unitPrice * line.quantity)}</span>
              </li>
            ))}
          </ul>
          <TotalsList
            totals={estimate}
            currency={cart.currency}
            pricesIncludeTax={settings.pricesIncludeTax}
            shippingIsEstimate
            testIdPrefix="summary"
            className="mt-4 border-t border-line pt-4"
          />
          <p className="mt-4 text-xs text-ink-muted">
            <Link href="/cart" className="underline underline-offset-4">
              Change your cart
            </Link>
          </p>
        </aside>
      </div>
    </div>
  );
}

/** A tried code counts as a guess unless it is right; over the limit, the limit's words. */
async function previewWithinLimits(cartId: string, preview: () => ReturnType<typeof previewDiscount>): ReturnType<typeof previewDiscount> {
  try {
    return await judgeDiscountCode(cartId, preview, (p) => !p.ok);
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return { ok: false, message: error.message };
    throw error;
  }
}
