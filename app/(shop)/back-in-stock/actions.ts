"use server";

import { redirect } from "next/navigation";
import { publicFormAction } from "@/lib/actions";
import { confirmBackInStock, startBackInStockRequest } from "@/lib/back-in-stock/request";
import { AppError } from "@/lib/errors";
import { tokenLimitedAttempt } from "@/lib/privacy/rate-limit";
import { backInStockConfirmSchema, backInStockRequestSchema } from "@/lib/validations/back-in-stock";

/**
 * "Email me when it's back" on a sold-out option. A signed-in shopper's own address is live at
 * once; any other address waits for its emailed link (double opt-in). Rate-limited.
 */
export const requestBackInStockAction = publicFormAction(backInStockRequestSchema, async ({ variantId, email }) => {
  const answer = await startBackInStockRequest({ variantId, email });
  if (answer === "rate_limited") {
    throw new AppError("rate_limited", "We have already had several requests for this address or from your connection. Please try again later.");
  }
  if (answer === "not_found") throw new AppError("not_found", "This option is no longer for sale. Reload the page to see what is.");
  return { answer, email };
});

/** The button on /back-in-stock/confirm: the second step of a guest's request. */
export const confirmBackInStockAction = publicFormAction(backInStockConfirmSchema, async ({ token }) => {
  const result = await tokenLimitedAttempt(() => confirmBackInStock(token), (r) => !r.ok && r.reason === "invalid");
  // A made-up or mangled token: the link page itself says "not valid" and offers no button.
  if (!result.ok && result.reason === "invalid") throw new AppError("not_found", "This link is not valid. Nothing was changed.");
  const next = new URLSearchParams({ token });
  if (result.ok && !result.alreadyConfirmed) next.set("confirmed", "1");
  redirect(`/back-in-stock/confirm?${next}`);
});
