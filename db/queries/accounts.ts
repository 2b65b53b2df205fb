import "server-only";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "../index";
import { addresses, orders, sessions, users, type UserRole } from "../schema";

export type UserDto = { id: string; email: string; name: string | null; role: UserRole; createdAt: Date };

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt };

export async function getUserById(userId: string): Promise<UserDto | null> {
  const [row] = await getDb().select(userColumns).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export async function getUserByEmail(email: string): Promise<UserDto | null> {
  const [row] = await getDb().select(userColumns).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row ?? null;
}

/** Creates the person (verified: an admin vouches for the address) or changes their role. */
export async function upsertUserWithRole(email: string, role: UserRole, name?: string): Promise<{ user: UserDto; created: boolean }> {
  const normalised = email.trim().toLowerCase();
  const [row] = await getDb()
    .insert(users)
    .values({ email: normalised, role, name: name ?? null, emailVerified: new Date() })
    .onConflictDoUpdate({ target: users.email, set: { role } })
    .returning({ ...userColumns, inserted: sql<boolean>`(xmax = 0)` });
  const { inserted, ...user } = row!;
  return { user, created: inserted };
}

export async function updateUserName(userId: string, name: string) {
  await getDb().update(users).set({ name }).where(eq(users.id, userId));
}

/**
 * Moves the account to a confirmed new address. Refused when another account already uses
 * it (the person is told, and nothing changes). Guest orders are not re-pointed: they belong
 * to whoever placed them, and the account's own orders follow the user id.
 */
export async function changeUserEmail(userId: string, fromEmail: string, toEmail: string): Promise<"changed" | "taken" | "stale"> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    if (!current || current.email !== fromEmail) return "stale";
    const [other] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, toEmail), ne(users.id, userId))).limit(1);
    if (other) return "taken";
    await tx.update(users).set({ email: toEmail, emailVerified: new Date() }).where(eq(users.id, userId));
    // A newsletter subscription made with the old address stays this person's: link it to the
    // account, so the privacy centre keeps finding it (its consents belong to that address).
    await tx.execute(sql`update subscribers set user_id = ${userId} where email = ${fromEmail} and user_id is null`);
    return "changed";
  });
}

// ---- sessions -------------------------------------------------------------------------

export type SessionDto = { key: string; deviceSummary: string; createdAt: Date; lastSeenAt: Date; expires: Date; current: boolean };

/** A non-secret handle for a session (the token itself never leaves the server). */
const sessionKey = sql<string>`left(encode(sha256(convert_to(${sessions.sessionToken}, 'UTF8')), 'hex'), 24)`;

export async function setSessionDevice(sessionToken: string, deviceSummary: string) {
  await getDb().update(sessions).set({ deviceSummary }).where(eq(sessions.sessionToken, sessionToken));
}

/** Last-seen is kept to the minute: enough for the privacy centre, cheap on every request. */
export async function touchSession(sessionToken: string) {
  await getDb()
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(sessions.sessionToken, sessionToken), sql`${sessions.lastSeenAt} < now() - interval '1 minute'`));
}

/** When this session of the person's began (its sign-in), or null if it is not theirs or has ended. */
export async function getSessionSignedInAt(userId: string, sessionToken: string): Promise<Date | null> {
  const [row] = await getDb()
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionToken), eq(sessions.userId, userId), sql`${sessions.expires} > now()`))
    .limit(1);
  return row?.createdAt ?? null;
}

/** Ends one session by its token: a browser that signs in again replaces its old session. */
export async function deleteSessionByToken(sessionToken: string) {
  await getDb().delete(sessions).where(eq(sessions.sessionToken, sessionToken));
}

export async function listSessions(userId: string, currentToken: string | null): Promise<SessionDto[]> {
  const rows = await getDb()
    .select({ key: sessionKey, token: sessions.sessionToken, deviceSummary: sessions.deviceSummary, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expires: sessions.expires })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expires} > now()`))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map(({ token, ...row }) => ({ ...row, current: token === currentToken }));
}

/** Ends one of the person's own sessions; another person's key matches nothing. */
export async function revokeSession(userId: string, key: string): Promise<boolean> {
  const rows = await getDb()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessionKey} = ${key}`))
    .returning({ userId: sessions.userId });
  return rows.length > 0;
}

export async function revokeOtherSessions(userId: string, keepToken: string): Promise<number> {
  const rows = await getDb()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.sessionToken, keepToken)))
    .returning({ userId: sessions.userId });
  return rows.length;
}

// ---- addresses ------------------------------------------------------------------------

export type AddressInput = { name: string; line1: string; line2: string; city: string; postalCode: string; country: string };
export type AddressDto = AddressInput & { id: number; isDefault: boolean };

const addressColumns = {
  id: addresses.id,
  name: addresses.name,
  line1: addresses.line1,
  line2: addresses.line2,
  city: addresses.city,
  postalCode: addresses.postalCode,
  country: addresses.country,
  isDefault: addresses.isDefault,
};

export const MAX_ADDRESSES = 20;

export async function listAddresses(userId: string): Promise<AddressDto[]> {
  return getDb().select(addressColumns).from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), asc(addresses.id));
}

export async function getAddress(userId: string, addressId: number): Promise<AddressDto | null> {
  const [row] = await getDb()
    .select(addressColumns)
    .from(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The first address a person saves becomes their default. */
export async function createAddress(userId: string, input: AddressInput, makeDefault: boolean): Promise<AddressDto | "limit"> {
  return getDb().transaction(async (tx) => {
    // Serialise one person's address writes so "first is default" and the cap hold under double clicks.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`addresses:${userId}`}))`);
    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(addresses).where(eq(addresses.userId, userId))) as [{ count: number }];
    if (count >= MAX_ADDRESSES) return "limit";
    const isDefault = makeDefault || count === 0;
    if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    const [row] = await tx.insert(addresses).values({ ...input, userId, isDefault }).returning(addressColumns);
    return row!;
  });
}

/** Ownership is part of the WHERE: another person's address id simply matches nothing. */
export async function updateAddress(userId: string, addressId: number, input: AddressInput, makeDefault: boolean): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`addresses:${userId}`}))`);
    if (makeDefault) await tx.update(addresses).set({ isDefault: false }).where(and(eq(addresses.userId, userId), ne(addresses.id, addressId)));
    const rows = await tx
      .update(addresses)
      .set({ ...input, ...(makeDefault ? { isDefault: true } : {}), updatedAt: sql`now()` })
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning({ id: addresses.id });
    if (rows.length === 0) tx.rollback();
    return true;
  }).catch((error: unknown) => {
    if (error instanceof Error && error.message.includes("Rollback")) return false;
    throw error;
  });
}

export async function setDefaultAddress(userId: string, addressId: number): Promise<boolean> {
  return updateDefault(userId, addressId);
}

async function updateDefault(userId: string, addressId: number): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`addresses:${userId}`}))`);
    const [owned] = await tx.select({ id: addresses.id }).from(addresses).where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
    if (!owned) return false;
    await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, addressId));
    return true;
  });
}

/** Deleting the default hands the flag to the oldest remaining address. */
export async function deleteAddress(userId: string, addressId: number): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`addresses:${userId}`}))`);
    const [removed] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning({ isDefault: addresses.isDefault });
    if (!removed) return false;
    if (removed.isDefault) {
      await tx.execute(sql`
        update addresses set is_default = true
        where id = (select id from addresses where user_id = ${userId} order by id limit 1)`);
    }
    return true;
  });
}

// ---- orders ---------------------------------------------------------------------------

export type AccountOrderDto = { id: string; number: string; status: string; totalAmount: number; currency: string; createdAt: Date; itemCount: number };

export async function listOrdersForUser(userId: string): Promise<AccountOrderDto[]> {
  return getDb()
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      totalAmount: orders.totalAmount,
      currency: orders.currency,
      createdAt: orders.createdAt,
      itemCount: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi where oi.order_id = "orders"."id")`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt));
}
