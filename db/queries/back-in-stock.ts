import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../index";

/*
 * "Email me when it's back" requests (db/schema/back-in-stock.ts). The request becomes due in
 * the stock change's own transaction (a trigger, migration 0020); these functions create and
 * confirm requests and let lib/back-in-stock/deliver.ts claim, send and end them.
 */

type VariantRow = { stock: number; published: boolean };

/** What a shopper sees of the variant a request is about. */
export type BackInStockVariant = { productTitle: string; productSlug: string; sku: string; optionLabel: string };

const variantColumns = sql`p.title as product_title, p.slug as product_slug, p.option_names, v.sku, v.options`;
type VariantColumns = { product_title: string; product_slug: string; option_names: string[] | null; sku: string; options: Record<string, string> };
const toVariant = (r: VariantColumns): BackInStockVariant => ({
  productTitle: r.product_title,
  productSlug: r.product_slug,
  sku: r.sku,
  // In the product's own option order ("Sand / M"), as the product page shows it.
  optionLabel: (r.option_names ?? []).map((name) => r.options?.[name]).filter(Boolean).join(" / "),
});

export type NewBackInStockRequest = {
  variantId: number;
  /** Lower-case. */
  email: string;
  /** Set only when the address is the signed-in account's own: the request is then active at once. */
  userId: string | null;
  /** A guest's emailed token, as a SHA-256 hash; null for a signed-in shopper's own address. */
  tokenHash: string | null;
  tokenExpiresAt: Date | null;
  wordingId: string;
  clientHash: string | null;
};

/**
 * - created / refreshed: a guest's request waits for its emailed link (refreshed: a new link for
 *   a request that was already waiting, the old link stops working)
 * - active: a signed-in shopper's request for their own address, live at once
 * - already_active: the address already has a live request for this variant; nothing changed
 * - in_stock: the variant is on the shelf now (a stale page); nothing recorded
 * - not_found: no such variant on sale
 */
export type BackInStockRequestOutcome = "created" | "refreshed" | "active" | "already_active" | "in_stock" | "not_found";

export async function createBackInStockRequest(input: NewBackInStockRequest): Promise<BackInStockRequestOutcome> {
  const expiresAt = input.tokenExpiresAt?.toISOString() ?? null;
  return getDb().transaction(async (tx) => {
    // Shares the variant's row lock with stock changes: a restock committing at this moment
    // either comes first (we answer in_stock) or waits until this request is recorded (and its
    // trigger then marks it due).
    const [variant] = await tx.execute<VariantRow>(sql`
      select v.stock, p.status = 'published' as published from product_variants v join products p on p.id = v.product_id
      where v.id = ${input.variantId} for share of v`);
    if (!variant || !variant.published) return "not_found";
    if (variant.stock > 0) return "in_stock";

    const [live] = await tx.execute<{ id: string; status: "requested" | "active" }>(sql`
      select id, status from back_in_stock_requests
      where variant_id = ${input.variantId} and email = ${input.email} and status in ('requested', 'active') for update`);
    if (live?.status === "active") return "already_active";
    if (live && input.userId) {
      // A guest request that the account's owner now makes signed in: their session proves the address.
      await tx.execute(sql`
        update back_in_stock_requests set status = 'active', user_id = ${input.userId}, confirmed_at = now(), token_hash = null,
          token_expires_at = null, wording_id = ${input.wordingId}, client_hash = ${input.clientHash}
        where id = ${live.id}`);
      return "active";
    }
    if (live) {
      await tx.execute(sql`
        update back_in_stock_requests set token_hash = ${input.tokenHash}, token_expires_at = ${expiresAt},
          wording_id = ${input.wordingId}, client_hash = ${input.clientHash}
        where id = ${live.id}`);
      return "refreshed";
    }
    const inserted = await tx.execute(sql`
      insert into back_in_stock_requests (variant_id, email, user_id, token_hash, token_expires_at, status, wording_id, client_hash, confirmed_at)
      values (${input.variantId}, ${input.email}, ${input.userId}, ${input.tokenHash}, ${expiresAt},
        ${input.userId ? "active" : "requested"}, ${input.wordingId}, ${input.clientHash}, ${input.userId ? sql`now()` : null})
      on conflict (variant_id, email) where status in ('requested', 'active') do nothing
      returning id`);
    // Lost a race with the same request made at the same moment: that one stands.
    if (inserted.length === 0) return "already_active";
    return input.userId ? "active" : "created";
  });
}

export type BackInStockConfirmationState = "pending" | "confirmed" | "expired" | "ended";
export type BackInStockConfirmation = { state: BackInStockConfirmationState; email: string | null; variant: BackInStockVariant };

/** What an emailed link would confirm, for the page it opens (which changes nothing). */
export async function getBackInStockConfirmation(tokenHash: string): Promise<BackInStockConfirmation | null> {
  const [row] = await getDb().execute<VariantColumns & { status: string; email: string | null; expired: boolean }>(sql`
    select r.status, r.email, r.token_expires_at < now() as expired, ${variantColumns}
    from back_in_stock_requests r join product_variants v on v.id = r.variant_id join products p on p.id = v.product_id
    where r.token_hash = ${tokenHash}`);
  if (!row) return null;
  const state: BackInStockConfirmationState =
    row.status === "active" ? "confirmed" : row.status === "requested" ? (row.expired ? "expired" : "pending") : "ended";
  return { state, email: row.email, variant: toVariant(row) };
}

/**
 * Step two of a guest's double opt-in: the request becomes active. If the variant came back
 * while the link sat in the inbox, the request is due at once.
 */
export async function confirmBackInStockRequest(tokenHash: string): Promise<{ ok: true; alreadyConfirmed: boolean; due: boolean } | { ok: false; reason: "invalid" | "expired" }> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx.execute<{ id: string; variant_id: number; status: string; expired: boolean }>(sql`
      select id, variant_id, status, token_expires_at < now() as expired from back_in_stock_requests where token_hash = ${tokenHash} for update`);
    if (!row || row.status === "cancelled") return { ok: false, reason: "invalid" };
    if (row.status !== "requested") return { ok: true, alreadyConfirmed: true, due: false };
    if (row.expired) return { ok: false, reason: "expired" };
    const [variant] = await tx.execute<{ stock: number }>(sql`select stock from product_variants where id = ${row.variant_id} for share`);
    const due = (variant?.stock ?? 0) > 0;
    await tx.execute(sql`
      update back_in_stock_requests set status = 'active', confirmed_at = now(), due_at = ${due ? sql`now()` : null} where id = ${row.id}`);
    return { ok: true, alreadyConfirmed: false, due };
  });
}

export type ClaimedBackInStockRequest = BackInStockVariant & { id: string; email: string };

/**
 * Claims due requests whose variant is on the shelf right now, under a lease: SKIP LOCKED keeps
 * two senders from claiming the same row at the same moment, and the lease (locked_until) keeps
 * the second away after the first's claim has committed. A request whose variant sold out again
 * is not claimed: it keeps waiting, still due, for the stock to return.
 */
export async function claimDueBackInStockRequests(limit: number, leaseSeconds: number): Promise<ClaimedBackInStockRequest[]> {
  const rows = await getDb().execute<VariantColumns & { id: string; email: string }>(sql`
    with due as (
      select r.id from back_in_stock_requests r
      join product_variants v on v.id = r.variant_id join products p on p.id = v.product_id
      where r.status = 'active' and r.due_at is not null and r.due_at <= now()
        and (r.locked_until is null or r.locked_until < now())
        and v.stock > 0 and p.status = 'published'
      order by r.due_at, r.id
      limit ${limit}
      for update of r skip locked
    )
    update back_in_stock_requests r set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = r.attempts + 1
    from due, product_variants v, products p
    where r.id = due.id and v.id = r.variant_id and p.id = v.product_id
    returning r.id, r.email, ${variantColumns}`);
  return rows.map((r) => ({ id: r.id, email: r.email, ...toVariant(r) }));
}

/** The one email went: the request ends, and the address, account link and client hash are forgotten. */
export async function markBackInStockNotified(id: string): Promise<void> {
  await getDb().execute(sql`
    update back_in_stock_requests set status = 'notified', notified_at = now(), email = null, user_id = null, client_hash = null,
      token_hash = null, token_expires_at = null, locked_until = null, last_error = null
    where id = ${id} and status = 'active'`);
}

/** A failed send: try again after a pause that grows with each attempt (at most six hours). */
export async function releaseBackInStockRequest(id: string, error: string): Promise<void> {
  await getDb().execute(sql`
    update back_in_stock_requests set last_error = ${error.slice(0, 500)},
      locked_until = now() + least(interval '6 hours', make_interval(mins => attempts * attempts))
    where id = ${id} and status = 'active'`);
}
