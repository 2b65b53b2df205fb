import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import type { UserRole } from "../schema";

/*
 * The admin's customer list and detail. A customer is a user with the role "customer" (staff
 * are listed under Staff). Orders and spending count the orders placed with the account, as
 * the shopper's own account page does; spending counts only orders that were paid for.
 */

export const customerSorts = ["joined", "orders", "spent", "name", "email"] as const;
export type CustomerSort = (typeof customerSorts)[number];

export type CustomerRowDto = { id: string; email: string; name: string | null; joinedAt: Date; orders: number; spent: number };

export const CUSTOMERS_PER_PAGE = 25;

/** Statuses whose money the shop did not keep (the other helpers' statuses are plain text here). */
const unpaid = sql.raw(`('awaiting_payment', 'cancelled', 'refunded')`);

/** LIKE's own wildcards in what the merchant typed are matched literally. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchFilter(q: string): SQL {
  if (!q) return sql`true`;
  const pattern = likePattern(q.toLowerCase());
  // Exactly the expression of the trigram index users_search_trgm_idx (db/schema/auth.ts).
  return sql`(lower(u.email) || ' ' || lower(coalesce(u.name, ''))) like ${pattern}`;
}

const orderBy: Record<CustomerSort, SQL> = {
  joined: sql`u.created_at`,
  orders: sql`s.orders`,
  spent: sql`s.spent`,
  name: sql`lower(u.name)`,
  email: sql`u.email`,
};

/**
 * One page of customers, searched by email or name (any part, any case). Reads one row more
 * than the page so the caller knows whether a next page exists; the total is counted
 * separately and capped, so a search that matches everyone stays fast.
 */
export async function listCustomers(
  { q, sort, dir, page }: { q: string; sort: CustomerSort; dir: "asc" | "desc"; page: number },
  { perPage = CUSTOMERS_PER_PAGE, currency }: { perPage?: number; currency: string },
): Promise<{ customers: CustomerRowDto[]; total: number; totalCapped: boolean }> {
  const db = getDb();
  const where = searchFilter(q);
  const direction = dir === "asc" ? sql`asc` : sql`desc`;
  // Only a name can be missing; other columns keep the default so the index order serves them.
  const nulls = sort !== "name" ? sql`` : dir === "asc" ? sql`nulls first` : sql`nulls last`;
  const stats = sql`
    left join lateral (
      select count(*)::int as orders,
        coalesce(sum(o.total_amount) filter (where o.status not in ${unpaid} and o.currency = ${currency}), 0)::bigint as spent
      from orders o where o.user_id = u.id
    ) s on true`;
  const offset = (page - 1) * perPage;
  // Sorting by a figure needs every match's figures: for a search (a few matches) they are
  // read per customer; for everyone, in one pass over the orders. Sorting by a column of
  // users lets the page be chosen first and the figures read for its 25 rows only.
  const everyone = sql`
    left join (
      select o.user_id, count(*)::int as orders,
        coalesce(sum(o.total_amount) filter (where o.status not in ${unpaid} and o.currency = ${currency}), 0)::bigint as spent
      from orders o where o.user_id is not null group by o.user_id
    ) s on s.user_id = u.id`;
  const query =
    sort === "orders" || sort === "spent"
      ? sql`
        select u.id, u.email, u.name, u.created_at, coalesce(s.orders, 0) as orders, coalesce(s.spent, 0)::float8 as spent
        from users u ${q ? stats : everyone}
        where u.role = 'customer' and ${where}
        order by coalesce(${orderBy[sort]}, 0) ${direction}, u.created_at desc, u.id
        limit ${perPage} offset ${offset}`
      : sql`
        select u.id, u.email, u.name, u.created_at, s.orders, s.spent::float8 as spent
        from (
          select u.id, u.email, u.name, u.created_at from users u
          where u.role = 'customer' and ${where}
          order by ${orderBy[sort]} ${direction} ${nulls}, u.id
          limit ${perPage} offset ${offset}
        ) u ${stats}
        order by ${orderBy[sort]} ${direction} ${nulls}, u.id`;
  const COUNT_CAP = 10_000;
  const [rows, counted] = await Promise.all([
    db.execute<{ id: string; email: string; name: string | null; created_at: string | Date; orders: number; spent: number }>(query),
    db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from users u where u.role = 'customer' and ${where} limit ${COUNT_CAP + 1}) c`),
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    customers: rows.map((r) => ({ id: r.id, email: r.email, name: r.name, joinedAt: new Date(r.created_at), orders: r.orders, spent: Number(r.spent) })),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

export type CustomerDto = { id: string; email: string; name: string | null; role: UserRole; joinedAt: Date; emailVerifiedAt: Date | null; orders: number; spent: number };

/** One customer account (not staff: they are not customers), or null. */
export async function getCustomer(id: string, currency: string): Promise<CustomerDto | null> {
  const [row] = await getDb().execute<{ id: string; email: string; name: string | null; role: UserRole; created_at: string; email_verified: string | null; orders: number; spent: number }>(sql`
    select u.id, u.email, u.name, u.role, u.created_at, u.email_verified,
      (select count(*)::int from orders o where o.user_id = u.id) as orders,
      (select coalesce(sum(o.total_amount), 0)::float8 from orders o where o.user_id = u.id and o.status not in ${unpaid} and o.currency = ${currency}) as spent
    from users u where u.id = ${id} and u.role = 'customer'`);
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    joinedAt: new Date(row.created_at),
    emailVerifiedAt: row.email_verified ? new Date(row.email_verified) : null,
    orders: row.orders,
    spent: Number(row.spent),
  };
}

/**
 * The account to erase, locked for the rest of the transaction, or why it cannot be: staff
 * accounts are never erased from the customer pages (removing staff is an admin's job, under
 * Staff, with its own checks).
 */
export async function lockAccountForErasure(tx: Tx, id: string): Promise<{ id: string; email: string; role: UserRole } | null> {
  const [row] = await tx.execute<{ id: string; email: string; role: UserRole }>(sql`select id, email, role from users where id = ${id} for update`);
  return row ?? null;
}
