import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/page-header";
import { ShopSettingsForm, type SettingsFormValues } from "@/components/admin/settings/settings-form";
import { getShopSettings } from "@/db/queries/settings";
import { requirePermissionForPage } from "@/lib/auth/session";
import { minorUnitDigits } from "@/lib/money";
import { deliveryMethodCodes } from "@/lib/settings/delivery";
import { socialNetworks } from "@/lib/settings/social";
import { shopConfig } from "@/lib/shop-config";

export const metadata: Metadata = { title: "Settings" };
export const instant = false;

const deliveryTitles: Record<(typeof deliveryMethodCodes)[number], string> = { standard: "Standard delivery", express: "Express delivery" };

export default async function AdminSettingsPage() {
  await requirePermissionForPage("/admin/settings", "settings:write");
  // Read from the database, not the cache: the form must start from what is saved.
  const settings = await getShopSettings();
  const digits = minorUnitDigits(shopConfig.currency);
  const major = (amount: number | null) => (amount === null ? "" : (amount / 10 ** digits).toFixed(digits));
  const values: SettingsFormValues = {
    shopName: settings.shopName,
    contactEmail: settings.contactEmail,
    contactPhone: settings.contactPhone,
    addressLine1: settings.address.line1,
    addressLine2: settings.address.line2,
    city: settings.address.city,
    postalCode: settings.address.postalCode,
    country: settings.address.country,
    taxRate: String(settings.taxRateBasisPoints / 100),
    pricesIncludeTax: settings.pricesIncludeTax ? "yes" : "",
    individualClickTracking: settings.individualClickTracking ? "yes" : "",
    senderName: settings.senderName,
    senderEmail: settings.senderEmail,
  };
  for (const code of deliveryMethodCodes) {
    const rate = settings.deliveryRates.find((r) => r.code === code);
    values[`${code}Label`] = rate?.label ?? "";
    values[`${code}Amount`] = major(rate?.amount ?? null);
    values[`${code}FreeOver`] = major(rate?.freeOver ?? null);
  }
  for (const { network } of socialNetworks) values[`${network}Url`] = settings.socialProfiles.find((p) => p.network === network)?.href ?? "";

  return (
    <div className="max-w-4xl">
      <AdminPageHeader title="Settings" description="Your shop's details, tax and delivery prices. Changes show in the shop as soon as you save; orders already placed keep the prices they were placed with." />
      <ShopSettingsForm
        values={values}
        delivery={deliveryMethodCodes.map((code) => ({ code, title: deliveryTitles[code] }))}
        social={socialNetworks.map(({ network, label }) => ({ network, label }))}
        currency={shopConfig.currency}
      />
    </div>
  );
}
