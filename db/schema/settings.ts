import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/** A delivery option offered at checkout. `code` is fixed (orders record it); the rest is the merchant's. */
export type DeliveryRate = { code: string; label: string; amount: number; freeOver: number | null };
/** A plain link to one of the shop's social profiles (no widgets, no scripts). */
export type SocialProfile = { network: string; href: string };

/**
 * The shop's own details, which a merchant changes in /admin/settings: one row (id = 1).
 * Seeded by its migration from what lib/shop-config.ts used to hold. Money is in minor units
 * of shopConfig.currency; the tax rate in basis points (2000 = 20 %), so no float is stored.
 */
export const shopSettings = pgTable(
  "shop_settings",
  {
    id: smallint().primaryKey().default(1),
    shopName: text().notNull(),
    contactEmail: text().notNull(),
    contactPhone: text().notNull().default(""),
    addressLine1: text().notNull(),
    addressLine2: text().notNull().default(""),
    city: text().notNull(),
    postalCode: text().notNull(),
    country: text().notNull(),
    taxRateBasisPoints: integer().notNull(),
    pricesIncludeTax: boolean().notNull(),
    deliveryRates: jsonb().$type<DeliveryRate[]>().notNull(),
    socialProfiles: jsonb().$type<SocialProfile[]>().notNull(),
    senderName: text().notNull(),
    senderEmail: text().notNull(),
    /**
     * Off unless the shop turns it on: campaign links then also record which recipient clicked
     * (campaign_recipients.clicked_at), and the privacy notice says so.
     */
    individualClickTracking: boolean().notNull().default(false),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("shop_settings_single_row", sql`${t.id} = 1`),
    check("shop_settings_tax_rate", sql`${t.taxRateBasisPoints} between 0 and 10000`),
  ],
);
