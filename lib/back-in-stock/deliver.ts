import "server-only";
import { after } from "next/server";
import { createElement } from "react";
import { claimDueBackInStockRequests, markBackInStockNotified, releaseBackInStockRequest } from "@/db/queries/back-in-stock";
import { sendEmail } from "@/lib/email/send";
import { BackInStockEmail, backInStockSubject } from "@/lib/email/templates/back-in-stock";
import { siteUrl } from "@/lib/env";

/** How many requests one claim takes, and how long a sender holds them before another may retry. */
const BATCH = 20;
const LEASE_SECONDS = 300;
/** One run's ceiling, so a huge restock cannot hold a request's after() (or a job) for ever. */
const MAX_PER_RUN = 1000;

/** The product page with the variant chosen: where the email's button goes. */
export const productUrl = (slug: string, sku: string) => `${siteUrl()}/products/${encodeURIComponent(slug)}?variant=${encodeURIComponent(sku)}`;

/**
 * Sends the one email each due request is owed, and ends the request. Safe to run anywhere and
 * any number of times at once (right after a stock change commits, and on the worker's
 * schedule as the safety net): each request is claimed under a lease (db/queries/back-in-stock),
 * and the provider's idempotency key `back-in-stock:<id>` makes a retry after a crash between
 * sending and marking deliver nothing twice. Returns how many emails were sent.
 */
export async function deliverDueBackInStockEmails(): Promise<number> {
  let sent = 0;
  while (sent < MAX_PER_RUN) {
    const claimed = await claimDueBackInStockRequests(BATCH, LEASE_SECONDS);
    if (claimed.length === 0) break;
    for (const request of claimed) {
      try {
        await sendEmail({
          to: request.email,
          subject: backInStockSubject(request),
          template: "back-in-stock",
          reason: "You asked us to email you once when this item was back in stock; this was that one email.",
          category: "transactional",
          idempotencyKey: `back-in-stock:${request.id}`,
          react: createElement(BackInStockEmail, {
            productTitle: request.productTitle,
            optionLabel: request.optionLabel,
            productUrl: productUrl(request.productSlug, request.sku),
            siteUrl: siteUrl(),
          }),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error("back in stock: email failed, will retry", { request: request.id, error: message });
        await releaseBackInStockRequest(request.id, message);
        continue;
      }
      await markBackInStockNotified(request.id);
      sent += 1;
    }
    if (claimed.length < BATCH) break;
  }
  return sent;
}

/**
 * After a stock change has committed: send what became due straight away, once the response
 * has gone (Next's after()). Outside a request (a script, a test) it simply starts. Failures
 * are logged; the due rows stay for the scheduled run.
 */
export function deliverBackInStockSoon(): void {
  const run = () =>
    deliverDueBackInStockEmails().catch((error: unknown) => {
      console.error("back in stock: delivery run failed", error instanceof Error ? error.message : error);
    });
  try {
    after(run);
  } catch {
    void run();
  }
}
