import type { ShopSettings } from "@/db/queries/settings";

/** The shop's postal address on one line, e.g. for the privacy notice and email footers. */
export function postalAddressLine({ address }: Pick<ShopSettings, "address">): string {
  return [address.line1, address.line2, `${address.city} ${address.postalCode}`.trim(), address.country].filter(Boolean).join(", ");
}
