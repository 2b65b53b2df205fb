import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createElement } from "react";
import {
  confirmBackInStockRequest,
  createBackInStockRequest,
  getBackInStockConfirmation,
  type BackInStockRequestOutcome,
  type BackInStockVariant,
} from "@/db/queries/back-in-stock";
import { getSessionUser } from "@/lib/auth/session";
import { sendEmail } from "@/lib/email/send";
import { BackInStockConfirmEmail } from "@/lib/email/templates/back-in-stock";
import { siteUrl } from "@/lib/env";
import { checkRateLimit, clientKey, limitOf, rateLimitBuckets } from "@/lib/privacy/rate-limit";
import { keyedHash } from "@/lib/signed-token";
import { deliverBackInStockSoon, productUrl } from "./deliver";
import { BACK_IN_STOCK_CONFIRMATION_DAYS, backInStockWording } from "./wording";

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");
const isToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/**
 * What the shopper is told: `active` (their account's own address, nothing to confirm),
 * `check_email` (a guest, or another address than the account's: the emailed link decides),
 * `in_stock` (it came back while the page was open), `not_found`, `rate_limited`. A guest gets
 * `check_email` whether or not the address already had a request, so the form cannot be used
 * to learn what someone else asked for.
 */
export type BackInStockAnswer = "active" | "check_email" | "in_stock" | "not_found" | "rate_limited";

export async function startBackInStockRequest(input: { variantId: number; email: string }): Promise<BackInStockAnswer> {
  const user = await getSessionUser();
  // Only the session proves an address: the account's own address is live at once; any other
  // address typed by a signed-in shopper goes through the same emailed link as a guest's.
  const own = user !== null && user.email.toLowerCase() === input.email;
  const client = await clientKey();
  const limited = await checkRateLimit([
    limitOf("backInStockPerClient", rateLimitBuckets.backInStockClient, client, true),
    ...(own ? [] : [limitOf("backInStockPerAddress", rateLimitBuckets.backInStockAddress, input.email)]),
  ]);
  if (limited) return "rate_limited";

  const token = own ? null : randomBytes(32).toString("base64url");
  const outcome: BackInStockRequestOutcome = await createBackInStockRequest({
    variantId: input.variantId,
    email: input.email,
    userId: own ? user.id : null,
    tokenHash: token ? hashToken(token) : null,
    tokenExpiresAt: token ? new Date(Date.now() + BACK_IN_STOCK_CONFIRMATION_DAYS * 86_400_000) : null,
    wordingId: backInStockWording.id,
    clientHash: keyedHash("client", client),
  });
  if (outcome === "in_stock" || outcome === "not_found") return outcome;
  if (own) return "active";
  if ((outcome === "created" || outcome === "refreshed") && token) {
    const variant = await readBackInStockConfirmation(token);
    if (variant) await sendConfirmation(input.email, token, variant.variant);
  }
  return "check_email";
}

async function sendConfirmation(email: string, token: string, variant: BackInStockVariant) {
  await sendEmail({
    to: email,
    subject: `Confirm: email me when ${variant.productTitle} is back`,
    template: "back-in-stock-confirm",
    reason: "You (or someone with your address) asked for one email when an item is back in stock.",
    category: "transactional",
    react: createElement(BackInStockConfirmEmail, {
      productTitle: variant.productTitle,
      optionLabel: variant.optionLabel,
      productUrl: productUrl(variant.productSlug, variant.sku),
      siteUrl: siteUrl(),
      confirmUrl: `${siteUrl()}/back-in-stock/confirm?token=${token}`,
      days: BACK_IN_STOCK_CONFIRMATION_DAYS,
    }),
  });
}

/** What the emailed link would confirm, for the page it opens (which changes nothing). */
export async function readBackInStockConfirmation(token: string) {
  return isToken(token) ? getBackInStockConfirmation(hashToken(token)) : null;
}

/**
 * The button on the page the link opens (a POST): mail scanners open every link in a message,
 * so a GET never confirms. If the item came back meanwhile, its email goes straight away.
 */
export async function confirmBackInStock(token: string) {
  if (!isToken(token)) return { ok: false as const, reason: "invalid" as const };
  const result = await confirmBackInStockRequest(hashToken(token));
  if (result.ok && result.due) deliverBackInStockSoon();
  return result;
}
