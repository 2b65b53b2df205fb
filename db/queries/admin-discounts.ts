import "server-only";
import { sql } from "drizzle-orm";
import type { DiscountInput } from "@/lib/validations/discount";
import { AppError } from "@/lib/errors";
import { getDb, type Tx } from "../index";

/*
 * Discount codes for the admin. The shopper-facing rule stays in lib/checkout/discount-rule.ts
 * and the order transaction; this file creates, edits and switches codes, and reads how each
 * one did from the orders carrying it.
 */

export type DiscountRowDto = {
  id: number;
  code: string;
  kind: "percent" | "fixed";
  value: number;
  currency: string;
  minSubtotal: number;
  startsAt: Date | null;
  expiresAt: Date | null;
  usageLimit: number | null;
  active: boolean;
  /** Orders carrying the code, cancelled ones excepted (a cancellation gives the use back). */
  uses: number;
  /** What those orders brought in, once paid (not awaiting payment, cancelled or refunded). */
  revenue: number;
};

type Row = {
  id: number;
  code: string;
  kind: "percent" | "fixed";
  value: number;
  currency: string;
  min_subtotal: number;
  starts_at: string | null;
  expires_at: string | null;
  usage_limit: number | null;
  used_count: number;
  active: boolean;
  uses: number;
  revenue: number;
};

const date = (v: string | null) => (v === null ? null : new Date(v));
// Raw SQL parameters go to the driver as text (drizzle turns its date handling off).
const timestamp = (d: Date | null) => d?.toISOString() ?? null;

function toDto(r: Row): DiscountRowDto {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    value: r.value,
    currency: r.currency.trim(),
    minSubtotal: r.min_subtotal,
    startsAt: date(r.starts_at),
    expiresAt: date(r.expires_at),
    usageLimit: r.usage_limit,
    active: r.active,
    // A limited code counts its uses under its row lock; that count is the one its limit is held to.
    uses: r.usage_limit !== null ? Math.max(r.used_count, r.uses) : r.uses,
    revenue: Number(r.revenue),
  };
}

const selectWithFigures = sql`
  select d.id, d.code, d.kind, d.value, d.currency, d.min_subtotal, d.starts_at, d.expires_at, d.usage_limit, d.used_count, d.active,
    coalesce(f.uses, 0)::int as uses, coalesce(f.revenue, 0)::float8 as revenue
  from discount_codes d
  left join (
    select discount_code, count(*) filter (where status <> 'cancelled') as uses,
      sum(total_amount) filter (where status not in ('awaiting_payment', 'cancelled', 'refunded')) as revenue
    from orders where discount_code is not null group by discount_code
  ) f on f.discount_code = d.code`;

/** Every code with its figures: active ones first, then newest. */
export async function listDiscounts(): Promise<DiscountRowDto[]> {
  const rows = await getDb().execute<Row>(sql`${selectWithFigures} order by d.active desc, d.id desc`);
  return rows.map(toDto);
}

export async function getDiscount(id: number): Promise<DiscountRowDto | null> {
  const [row] = await getDb().execute<Row>(sql`${selectWithFigures} where d.id = ${id}`);
  return row ? toDto(row) : null;
}

const duplicate = (code: string) => new AppError("conflict", `The code ${code} already exists. Choose another, or edit the existing one.`, { code: [`${code} is already taken.`] });

/** A new code, stored upper-case; a code that exists already is refused (also when two staff create it at once). */
export async function createDiscount(tx: Tx, input: DiscountInput & { code: string }): Promise<{ id: number }> {
  const [row] = await tx.execute<{ id: number }>(sql`
    insert into discount_codes (code, kind, value, currency, min_subtotal, starts_at, expires_at, usage_limit, used_count, active)
    values (${input.code}, ${input.kind}, ${input.value}, ${input.currency}, ${input.minSubtotal}, ${timestamp(input.startsAt)}, ${timestamp(input.expiresAt)}, ${input.usageLimit}, 0, true)
    on conflict (code) do nothing
    returning id`);
  if (!row) throw duplicate(input.code);
  return { id: row.id };
}

export type DiscountSnapshot = Omit<DiscountInput, "currency"> & { code: string; active: boolean };

async function lockDiscount(tx: Tx, id: number) {
  const [row] = await tx.execute<{ code: string; kind: "percent" | "fixed"; value: number; min_subtotal: number; starts_at: string | null; expires_at: string | null; usage_limit: number | null; used_count: number; active: boolean }>(
    sql`select code, kind, value, min_subtotal, starts_at, expires_at, usage_limit, used_count, active from discount_codes where id = ${id} for update`,
  );
  if (!row) throw new AppError("not_found", "That discount code no longer exists.");
  const snapshot: DiscountSnapshot = {
    code: row.code,
    kind: row.kind,
    value: row.value,
    minSubtotal: row.min_subtotal,
    startsAt: date(row.starts_at),
    expiresAt: date(row.expires_at),
    usageLimit: row.usage_limit,
    active: row.active,
  };
  return { snapshot, usedCount: row.used_count };
}

/**
 * Changes a code's terms (not its text: orders carry the text, so a renamed code would lose
 * its history). A use limit may not go below the uses already made. An unlimited code's uses
 * are not counted on its row (see db/schema/orders.ts), so giving it a limit first counts the
 * orders that carry it, and the order transaction counts on from there under the row lock.
 */
export async function updateDiscount(tx: Tx, id: number, input: DiscountInput): Promise<{ before: DiscountSnapshot; after: DiscountSnapshot }> {
  const { snapshot: before, usedCount } = await lockDiscount(tx, id);
  let uses = usedCount;
  if (input.usageLimit !== null && before.usageLimit === null) {
    const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from orders where discount_code = ${before.code} and status <> 'cancelled'`);
    uses = row!.n;
  }
  if (input.usageLimit !== null && input.usageLimit < uses) {
    throw new AppError("conflict", `${before.code} has been used ${uses} ${uses === 1 ? "time" : "times"} already, so its limit cannot be lower than ${uses}.`, {
      usageLimit: [`At least ${uses}: the uses already made.`],
    });
  }
  await tx.execute(sql`
    update discount_codes set kind = ${input.kind}, value = ${input.value}, min_subtotal = ${input.minSubtotal}, starts_at = ${timestamp(input.startsAt)},
      expires_at = ${timestamp(input.expiresAt)}, usage_limit = ${input.usageLimit}, used_count = ${uses}
    where id = ${id}`);
  const after: DiscountSnapshot = { code: before.code, active: before.active, kind: input.kind, value: input.value, minSubtotal: input.minSubtotal, startsAt: input.startsAt, expiresAt: input.expiresAt, usageLimit: input.usageLimit };
  return { before, after };
}

/** Switches a code on or off; `changed` is false when it already was (a double click). */
export async function setDiscountActive(tx: Tx, id: number, active: boolean): Promise<{ code: string; changed: boolean }> {
  const { snapshot } = await lockDiscount(tx, id);
  if (snapshot.active === active) return { code: snapshot.code, changed: false };
  await tx.execute(sql`update discount_codes set active = ${active} where id = ${id}`);
  return { code: snapshot.code, changed: true };
}
