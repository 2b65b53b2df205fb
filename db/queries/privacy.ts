import "server-only";
import { sql } from "drizzle-orm";
import { subscriptionReason } from "@/lib/newsletter/why";
import { getDb, type Tx } from "../index";

/*
 * The privacy centre's two heavy operations, written table by table against
 * db/personal-data.ts (an integration test keeps the two in step with the schema).
 */

type Row = Record<string, unknown>;

const iso = (value: unknown) => (value == null ? null : new Date(value as string).toISOString());

/**
 * Everything stored about one person, and nothing about anyone else: every query is keyed by
 * their user id, their email address, or their own subscriber record.
 */
export async function exportPersonalData(userId: string) {
  const db = getDb();
  const [user] = await db.execute<Row>(sql`select id, name, email, email_verified, role, created_at from users where id = ${userId}`);
  if (!user) return null;
  const email = user.email as string;

  const [accounts, sessions, pendingLinks, addresses, cartLines, orders, emails, subscriber, backInStock] = await Promise.all([
    db.execute<Row>(sql`select provider, type from accounts where user_id = ${userId}`),
    db.execute<Row>(sql`select device_summary, created_at, last_seen_at, expires from sessions where user_id = ${userId} order by created_at`),
    db.execute<Row>(sql`select expires from verification_tokens where identifier = ${email}`),
    db.execute<Row>(sql`select name, line1, line2, city, postal_code, country, is_default, created_at from addresses where user_id = ${userId} order by id`),
    db.execute<Row>(sql`
      select v.sku, ci.quantity, ci.added_at from carts c join cart_items ci on ci.cart_id = c.id
      join product_variants v on v.id = ci.variant_id where c.user_id = ${userId} order by ci.added_at`),
    db.execute<Row>(sql`
      select id, number, status, email, shipping_name, shipping_line1, shipping_line2, shipping_city, shipping_postal_code,
        shipping_country, shipping_method, currency, subtotal_amount, discount_amount, discount_code, shipping_amount, tax_amount,
        total_amount, newsletter_opt_in, created_at
      from orders where user_id = ${userId} or email = ${email} order by created_at`),
    db.execute<Row>(sql`select created_at, subject, reason, category, status from email_messages where to_address = ${email} order by created_at`),
    db.execute<Row>(sql`select id, email, created_at, confirmed_at from subscribers where user_id = ${userId} or email = ${email}`),
    db.execute<Row>(sql`
      select r.email, r.status, r.wording_id, r.created_at, r.confirmed_at, r.token_expires_at, v.sku, p.title
      from back_in_stock_requests r join product_variants v on v.id = r.variant_id join products p on p.id = v.product_id
      where r.user_id = ${userId} or r.email = ${email} order by r.created_at`),
  ]);

  const orderIds = orders.map((o) => o.id as string);
  const subscriberIds = subscriber.map((s) => s.id as string);
  const [items, history, consents, confirmations, issues] = await Promise.all([
    orderIds.length
      ? db.execute<Row>(sql`select order_id, sku, product_title, variant_title, unit_price, quantity, line_total from order_items where order_id in ${orderIds} order by id`)
      : [],
    orderIds.length ? db.execute<Row>(sql`select order_id, status, note, created_at from order_events where order_id in ${orderIds} order by created_at, id`) : [],
    db.execute<Row>(sql`
      select purpose, action, wording_id, source, method, created_at, declared_at from consent_events
      where user_id = ${userId} ${subscriberIds.length ? sql`or subscriber_id in ${subscriberIds}` : sql``} order by id`),
    subscriberIds.length ? db.execute<Row>(sql`select topics, source, created_at, expires_at, used_at from newsletter_confirmations where subscriber_id in ${subscriberIds} order by id`) : [],
    subscriberIds.length
      ? db.execute<Row>(sql`
          select r.sent_at, c.subject, c.topic, r.consent_source, r.consent_at, r.status from campaign_recipients r join campaigns c on c.id = r.campaign_id
          where r.subscriber_id in ${subscriberIds} and r.status = 'sent' order by r.sent_at`)
      : [],
  ]);

  return {
    profile: { name: user.name, email, emailVerifiedAt: iso(user.email_verified), role: user.role, createdAt: iso(user.created_at) },
    signInMethods: accounts.map((a) => ({ provider: a.provider, type: a.type })),
    sessions: sessions.map((s) => ({ device: s.device_summary, createdAt: iso(s.created_at), lastSeenAt: iso(s.last_seen_at), expiresAt: iso(s.expires) })),
    pendingSignInLinks: pendingLinks.map((l) => ({ expiresAt: iso(l.expires) })),
    addresses: addresses.map((a) => ({ name: a.name, line1: a.line1, line2: a.line2, city: a.city, postalCode: a.postal_code, country: (a.country as string).trim(), isDefault: a.is_default, createdAt: iso(a.created_at) })),
    savedCart: cartLines.map((l) => ({ sku: l.sku, quantity: l.quantity, addedAt: iso(l.added_at) })),
    orders: orders.map((o) => ({
      number: o.number,
      status: o.status,
      placedAt: iso(o.created_at),
      email: o.email,
      deliverTo: { name: o.shipping_name, line1: o.shipping_line1, line2: o.shipping_line2, city: o.shipping_city, postalCode: o.shipping_postal_code, country: (o.shipping_country as string).trim() },
      shippingMethod: o.shipping_method,
      currency: (o.currency as string).trim(),
      amounts: { subtotal: o.subtotal_amount, discount: o.discount_amount, shipping: o.shipping_amount, tax: o.tax_amount, total: o.total_amount },
      discountCode: o.discount_code,
      newsletterBoxTicked: o.newsletter_opt_in,
      items: items.filter((i) => i.order_id === o.id).map((i) => ({ sku: i.sku, product: i.product_title, variant: i.variant_title, unitPrice: i.unit_price, quantity: i.quantity, lineTotal: i.line_total })),
      history: history.filter((h) => h.order_id === o.id).map((h) => ({ status: h.status, note: h.note, at: iso(h.created_at) })),
    })),
    newsletter: subscriber.map((s) => ({
      email: s.email,
      since: iso(s.created_at),
      confirmedAt: iso(s.confirmed_at),
      pendingConfirmations: confirmations.map((c) => ({ topics: c.topics, source: c.source, requestedAt: iso(c.created_at), expiresAt: iso(c.expires_at), usedAt: iso(c.used_at) })),
    }))[0] ?? null,
    backInStockRequests: backInStock.map((r) => ({
      product: r.title,
      sku: r.sku,
      email: r.email,
      status: r.status,
      wordingId: r.wording_id,
      requestedAt: iso(r.created_at),
      confirmedAt: iso(r.confirmed_at),
      confirmationExpiresAt: r.status === "requested" ? iso(r.token_expires_at) : null,
    })),
    consentHistory: consents.map((c) => ({ purpose: c.purpose, action: c.action, wordingId: c.wording_id, source: c.source, method: c.method, at: iso(c.created_at), ...(c.declared_at ? { declaredAt: iso(c.declared_at) } : {}) })),
    emailsSent: [
      ...emails.map((e) => ({ sentAt: iso(e.created_at), subject: e.subject, why: e.reason, kind: e.category, status: e.status })),
      ...issues.map((i) => ({ sentAt: iso(i.sent_at), subject: i.subject, why: subscriptionReason([{ purpose: i.topic as string, at: new Date(i.consent_at as string), source: i.consent_source as string }]), kind: "marketing", status: i.status })),
    ].sort((a, b) => String(a.sentAt).localeCompare(String(b.sentAt))),
  };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof exportPersonalData>>>;

export const ERASED = {
  email: "erased@erased.invalid",
  name: "Erased customer",
  line: "Erased",
  postalCode: "ERASED",
} as const;

/**
 * Erases a person in one transaction: orders keep their numbers, lines, amounts and country
 * (accounting needs them) but lose name, email, address and the account link; everything
 * else about the person is deleted; the address goes on the suppression list as a keyed hash.
 * Deleting the user row ends every session at once. Inside a caller's transaction (a staff
 * member erasing on request, with its audit entry) it runs as a savepoint of that one.
 */
export async function eraseAccount(userId: string, hashes: { suppression: string; rateLimitKeys: string[] }, within?: Tx): Promise<{ ordersKept: number } | null> {
  const run = <T>(work: (tx: Tx) => Promise<T>) => (within ? within.transaction(work) : getDb().transaction(work));
  return run(async (tx) => {
    const [user] = await tx.execute<{ email: string }>(sql`select email from users where id = ${userId} for update`);
    if (!user) return null;
    const email = user.email;
    // The consent ledger refuses deletes except inside an erasure (see its trigger).
    await tx.execute(sql`select set_config('hearth.erasing', 'on', true)`);

    const subscriberRows = await tx.execute<{ id: string }>(sql`select id from subscribers where user_id = ${userId} or email = ${email}`);
    const subscriberIds = subscriberRows.map((s) => s.id);
    await tx.execute(sql`delete from consent_events where user_id = ${userId} ${subscriberIds.length ? sql`or subscriber_id in ${subscriberIds}` : sql``}`);
    if (subscriberIds.length) await tx.execute(sql`delete from subscribers where id in ${subscriberIds}`);
    // Waiting "email me when it's back" requests, by account or by address (a guest's too).
    await tx.execute(sql`delete from back_in_stock_requests where user_id = ${userId} or email = ${email}`);

    const kept = await tx.execute(sql`
      update orders set email = ${ERASED.email}, user_id = null, shipping_name = ${ERASED.name}, shipping_line1 = ${ERASED.line},
        shipping_line2 = '', shipping_city = ${ERASED.line}, shipping_postal_code = ${ERASED.postalCode}
      where user_id = ${userId} or email = ${email}
      returning id`);
    await tx.execute(sql`update email_messages set to_address = ${ERASED.email} where to_address = ${email}`);
    await tx.execute(sql`delete from verification_tokens where identifier = ${email}`);
    if (hashes.rateLimitKeys.length) await tx.execute(sql`delete from rate_limit_hits where key_hash in ${hashes.rateLimitKeys}`);
    await tx.execute(sql`insert into suppressions (email_hash, reason) values (${hashes.suppression}, 'account_deleted') on conflict (email_hash) do nothing`);
    // Cascades to sessions, accounts, addresses and the saved cart.
    await tx.execute(sql`delete from users where id = ${userId}`);
    return { ordersKept: kept.length };
  });
}
