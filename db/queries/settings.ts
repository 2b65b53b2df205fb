import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../index";
import { shopSettings, type DeliveryRate, type SocialProfile } from "../schema";

/** The shop's own details as the storefront, checkout and emails use them. */
export type ShopSettings = {
  shopName: string;
  contactEmail: string;
  contactPhone: string;
  address: { line1: string; line2: string; city: string; postalCode: string; country: string };
  /** Basis points (2000 = 20 %), as stored; `taxRate` is the same as a fraction for arithmetic. */
  taxRateBasisPoints: number;
  taxRate: number;
  pricesIncludeTax: boolean;
  deliveryRates: DeliveryRate[];
  socialProfiles: SocialProfile[];
  senderName: string;
  senderEmail: string;
  /** Campaign link clicks recorded per recipient (off by default; the privacy notice says when on). */
  individualClickTracking: boolean;
};

/** What the settings form writes. */
export type ShopSettingsInput = Omit<ShopSettings, "taxRate">;

const columns = {
  shopName: shopSettings.shopName,
  contactEmail: shopSettings.contactEmail,
  contactPhone: shopSettings.contactPhone,
  addressLine1: shopSettings.addressLine1,
  addressLine2: shopSettings.addressLine2,
  city: shopSettings.city,
  postalCode: shopSettings.postalCode,
  country: shopSettings.country,
  taxRateBasisPoints: shopSettings.taxRateBasisPoints,
  pricesIncludeTax: shopSettings.pricesIncludeTax,
  deliveryRates: shopSettings.deliveryRates,
  socialProfiles: shopSettings.socialProfiles,
  senderName: shopSettings.senderName,
  senderEmail: shopSettings.senderEmail,
  individualClickTracking: shopSettings.individualClickTracking,
};

type Row = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] };

function toSettings(row: Row): ShopSettings {
  return {
    shopName: row.shopName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    address: { line1: row.addressLine1, line2: row.addressLine2, city: row.city, postalCode: row.postalCode, country: row.country },
    taxRateBasisPoints: row.taxRateBasisPoints,
    taxRate: row.taxRateBasisPoints / 10_000,
    pricesIncludeTax: row.pricesIncludeTax,
    deliveryRates: row.deliveryRates,
    socialProfiles: row.socialProfiles,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    individualClickTracking: row.individualClickTracking,
  };
}

/**
 * The settings row (seeded by its migration). Pass a transaction to read the settings in force
 * for a change made in it: an order is priced with what is committed when it is placed.
 */
export async function getShopSettings(tx?: Tx, { forUpdate = false } = {}): Promise<ShopSettings> {
  const query = (tx ?? getDb()).select(columns).from(shopSettings).where(eq(shopSettings.id, 1));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new Error("shop_settings has no row: run the database migrations (npm run db:migrate)");
  return toSettings(row);
}

/** Writes the settings and returns them as they were and as they are now (for the audit log). */
export async function updateShopSettings(tx: Tx, input: ShopSettingsInput): Promise<{ before: ShopSettings; after: ShopSettings }> {
  // The row lock makes two admins saving at once write one after the other, each with a true "before".
  const before = await getShopSettings(tx, { forUpdate: true });
  const [row] = await tx
    .update(shopSettings)
    .set({
      shopName: input.shopName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      addressLine1: input.address.line1,
      addressLine2: input.address.line2,
      city: input.address.city,
      postalCode: input.address.postalCode,
      country: input.address.country,
      taxRateBasisPoints: input.taxRateBasisPoints,
      pricesIncludeTax: input.pricesIncludeTax,
      deliveryRates: input.deliveryRates,
      socialProfiles: input.socialProfiles,
      senderName: input.senderName,
      senderEmail: input.senderEmail,
      individualClickTracking: input.individualClickTracking,
      updatedAt: sql`now()`,
    })
    .where(eq(shopSettings.id, 1))
    .returning(columns);
  return { before, after: toSettings(row!) };
}
