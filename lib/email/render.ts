import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { getShopSettings, type ShopSettings } from "@/db/queries/settings";
import { postalAddressLine } from "@/lib/settings/address";
import { emailShop, type EmailShop } from "./templates/shop-context";

export function emailShopOf(settings: ShopSettings): EmailShop {
  return { name: settings.shopName, contactEmail: settings.contactEmail, postalAddress: postalAddressLine(settings) };
}

/**
 * Renders an email to its HTML and plain-text parts with the shop's details in its frame. The
 * send path and the admin's campaign preview both come here, so the preview is the email.
 */
export async function renderEmail(react: ReactElement, shop?: EmailShop): Promise<{ html: string; text: string }> {
  const details = shop ?? emailShopOf(await getShopSettings());
  const [html, text] = await emailShop.run(details, () => Promise.all([render(react), render(react, { plainText: true })]));
  return { html, text };
}
