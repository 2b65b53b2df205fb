import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { placeOrder } from "@/db/queries/orders";
import { getShopSettings } from "@/db/queries/settings";
import { testSql } from "../support/sql";

/*
 * Shop settings in the database: the admin form's action validates every field and records
 * what changed, the cache tag is expired after the commit, and an order placed afterwards is
 * priced with the new tax and delivery rates.
 */
const expired = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ updateTag: (tag: string) => void expired.push(tag), cacheLife: () => {}, cacheTag: () => {} }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => ({ id: "admin-1", email: "owner@example.com", name: null, role: "admin" }),
  requirePermission: async () => ({ id: "admin-1", email: "owner@example.com", name: null, role: "admin" }),
}));
vi.mock("@/lib/auth/recent-sign-in", () => ({ requireRecentSignIn: async () => {} }));

const { updateShopSettingsAction } = await import("@/app/admin/settings/actions");

const sql = testSql();
const [original] = await sql`select * from shop_settings where id = 1`;

afterAll(async () => {
  // Put the seed's settings back for the other test files.
  const columns = { ...original! };
  delete columns.id;
  await sql`update shop_settings set ${sql(columns)} where id = 1`;
  await sql`delete from orders where id in (select order_id from order_items oi join product_variants v on v.id = oi.variant_id join products p on p.id = v.product_id where p.slug like 'settings-test-%')`;
  await sql`delete from products where slug like 'settings-test-%'`;
  await sql.end();
});
beforeEach(() => {
  expired.length = 0;
});

const valid = {
  shopName: "Ember & Oak",
  contactEmail: "hello@emberandoak.example",
  contactPhone: "",
  addressLine1: "Ember & Oak Workshop Ltd, Unit 3, Mill Yard",
  addressLine2: "",
  city: "Hathersage",
  postalCode: "S32 1BA",
  country: "United Kingdom",
  taxRate: "20",
  pricesIncludeTax: "yes",
  standardLabel: "Standard delivery (2–4 working days)",
  standardAmount: "4.95",
  standardFreeOver: "60.00",
  expressLabel: "Express delivery (next working day)",
  expressAmount: "9.95",
  expressFreeOver: "",
  instagramUrl: "https://www.instagram.com/emberandoak.example",
  tiktokUrl: "",
  pinterestUrl: "",
  facebookUrl: "",
  youtubeUrl: "",
  senderName: "Ember & Oak",
  senderEmail: "hello@emberandoak.example",
};

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) if (!(k === "pricesIncludeTax" && v === "")) data.set(k, v);
  return data;
}

async function makeVariant(price: number) {
  const slug = `settings-test-${randomUUID().slice(0, 8)}`;
  const [product] = await sql`insert into products (slug, title, status) values (${slug}, ${slug}, 'published') returning id`;
  const [variant] = await sql`
    insert into product_variants (product_id, sku, options, price_amount, currency, stock)
    values (${product!.id}, ${slug.toUpperCase()}, '{}', ${price}, 'GBP', 10) returning id`;
  return variant!.id as number;
}

function orderOf(variantId: number, shippingMethod = "standard") {
  return placeOrder({
    idempotencyKey: randomUUID(),
    email: "ada@example.com",
    shipping: { name: "Ada Lovelace", line1: "12 St James's Square", line2: "", city: "London", postalCode: "SW1Y 4JH", country: "GB" },
    shippingMethod,
    discountCode: null,
    items: [{ variantId, quantity: 1 }],
    newsletterOptIn: false,
    paymentProvider: "manual",
  });
}

describe("shop settings", () => {
  it("refuses a form with bad fields, naming every one, and changes nothing", async () => {
    const result = await updateShopSettingsAction(
      null,
      form({ ...valid, shopName: " ", contactEmail: "not-an-email", taxRate: "twenty", standardAmount: "4.999", expressFreeOver: "-1", instagramUrl: "javascript:alert(1)", senderName: "Bad <name>" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["contactEmail", "expressFreeOver", "instagramUrl", "senderName", "shopName", "standardAmount", "taxRate"]);
    expect((await getShopSettings()).shopName).toBe("Ember & Oak");
    expect(expired).toEqual([]);
  });

  it("saves, records only what changed, and expires the settings' cache tag after the commit", async () => {
    const result = await updateShopSettingsAction(null, form({ ...valid, contactPhone: "+44 1433 650 123", expressAmount: "12.50" }));
    expect(result).toMatchObject({ ok: true });
    const saved = await getShopSettings();
    expect(saved.contactPhone).toBe("+44 1433 650 123");
    expect(saved.deliveryRates.find((r) => r.code === "express")).toEqual({ code: "express", label: valid.expressLabel, amount: 1250, freeOver: null });
    expect(saved.socialProfiles).toEqual([{ network: "instagram", href: valid.instagramUrl }]);
    const [entry] = await sql`select action, entity_type, before, after from audit_log where action = 'settings.update' order by id desc limit 1`;
    expect(entry).toMatchObject({ action: "settings.update", entity_type: "settings" });
    expect(Object.keys(entry!.after).sort()).toEqual(["contactPhone", "deliveryRates", "socialProfiles"]);
    expect(entry!.before.contactPhone).toBe("");
    expect(expired).toEqual(["shop-settings"]);
  });

  it("prices the next order with the settings' tax and delivery rates", async () => {
    const variantId = await makeVariant(2500);
    // Tax added at checkout (US style) at 8.25 %, standard delivery £7.00, never free.
    expect(await updateShopSettingsAction(null, form({ ...valid, taxRate: "8.25", pricesIncludeTax: "", standardAmount: "7", standardFreeOver: "" }))).toMatchObject({ ok: true });
    const added = await orderOf(variantId);
    expect(added.ok && added.order.totals).toEqual({ subtotal: 2500, discount: 0, shipping: 700, tax: Math.round(3200 * 0.0825), total: 3200 + Math.round(3200 * 0.0825) });

    // Back to tax-inclusive 20 %, and standard delivery free over £20: this order ships free.
    expect(await updateShopSettingsAction(null, form({ ...valid, standardFreeOver: "20" }))).toMatchObject({ ok: true });
    const included = await orderOf(variantId);
    expect(included.ok && included.order.totals).toEqual({ subtotal: 2500, discount: 0, shipping: 0, tax: Math.round(2500 - 2500 / 1.2), total: 2500 });
    const [row] = await sql`select prices_include_tax from orders where id = ${included.ok ? included.order.id : 0}`;
    expect(row!.prices_include_tax).toBe(true);
  });
});
