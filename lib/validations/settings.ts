import { z } from "zod";
import { parseMajorUnits } from "@/lib/money";
import { deliveryMethodCodes } from "@/lib/settings/delivery";
import { socialNetworks } from "@/lib/settings/social";
import { shopConfig } from "@/lib/shop-config";
import { lineText } from "./address";

/*
 * The settings form: every field checked, every error shown at once. Money is typed in major
 * units ("4.95") and stored in minor units; the tax rate is typed as a percentage ("20") and
 * stored in basis points, so neither is ever a float in the database.
 */

const required = (label: string, max: number) => lineText(max, `${label} is too long (${max} characters at most).`).pipe(z.string().min(1, `Enter the ${label.toLowerCase()}.`));
const optional = (label: string, max: number) => lineText(max, `${label} is too long (${max} characters at most).`).default("");
const email = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .toLowerCase()
    .pipe(z.string().min(1, `Enter the ${label}.`).pipe(z.email(`Enter the ${label} like name@example.com.`).max(254, `The ${label} is too long.`)));

const money = (label: string, { optional: canBeEmpty = false } = {}) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .transform((value, ctx) => {
      if (value === "" && canBeEmpty) return null;
      const amount = parseMajorUnits(value, shopConfig.currency);
      if (amount === null) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as an amount like 4.95.` });
        return z.NEVER;
      }
      return amount;
    });

const phone = optional("Phone number", 40).refine((v) => v === "" || /^\+?[0-9 ()./-]{6,40}$/.test(v), "Enter the phone number with digits, spaces and an optional + (e.g. +44 1433 650 123).");

const url = (label: string) =>
  optional(`${label} link`, 300).refine((v) => {
    if (v === "") return true;
    try {
      const parsed = new URL(v);
      return parsed.protocol === "https:" || parsed.protocol === "http:";
    } catch {
      return false;
    }
  }, `Enter the full ${label} address, starting with https://.`);

const deliveryFields = Object.fromEntries(
  deliveryMethodCodes.flatMap((code) => [
    [`${code}Label`, required("Delivery option name", 80)],
    [`${code}Amount`, money("delivery price")],
    [`${code}FreeOver`, money("free-delivery threshold", { optional: true })],
  ]),
) as Record<`${(typeof deliveryMethodCodes)[number]}${"Label" | "Amount" | "FreeOver"}`, z.ZodType>;

const socialFields = Object.fromEntries(socialNetworks.map(({ network, label }) => [`${network}Url`, url(label)])) as unknown as Record<`${(typeof socialNetworks)[number]["network"]}Url`, z.ZodType>;

export const shopSettingsSchema = z
  .object({
    shopName: required("Shop name", 80),
    contactEmail: email("contact email"),
    contactPhone: phone,
    addressLine1: required("Address", 200),
    addressLine2: optional("Second address line", 200),
    city: required("Town or city", 100),
    postalCode: required("Postcode", 20),
    country: required("Country", 80),
    taxRate: z
      .string({ error: "Enter the tax rate." })
      .trim()
      .transform((value, ctx) => {
        if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || Number(value) > 100) {
          ctx.addIssue({ code: "custom", message: "Enter the tax rate as a percentage from 0 to 100, e.g. 20 or 8.25." });
          return z.NEVER;
        }
        return Math.round(Number(value) * 100);
      }),
    // An unticked checkbox sends nothing.
    pricesIncludeTax: z
      .literal("yes", { error: "Choose whether prices include tax." })
      .optional()
      .transform((v) => v === "yes"),
    ...deliveryFields,
    ...socialFields,
    senderName: required("Sender name", 80).refine((v) => !/[<>"@,;]/.test(v), "The sender name cannot contain < > \" @ , or ;."),
    senderEmail: email("sender email address"),
    individualClickTracking: z
      .literal("yes", { error: "Choose whether to record who clicks." })
      .optional()
      .transform((v) => v === "yes"),
  })
  .transform((input) => {
    const fields = input as Record<string, unknown>;
    return {
      shopName: input.shopName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      address: { line1: input.addressLine1, line2: input.addressLine2, city: input.city, postalCode: input.postalCode, country: input.country },
      taxRateBasisPoints: input.taxRate,
      pricesIncludeTax: input.pricesIncludeTax,
      deliveryRates: deliveryMethodCodes.map((code) => ({
        code,
        label: fields[`${code}Label`] as string,
        amount: fields[`${code}Amount`] as number,
        freeOver: fields[`${code}FreeOver`] as number | null,
      })),
      socialProfiles: socialNetworks.flatMap(({ network }) => {
        const href = fields[`${network}Url`] as string;
        return href ? [{ network, href }] : [];
      }),
      senderName: input.senderName,
      senderEmail: input.senderEmail,
      individualClickTracking: input.individualClickTracking,
    };
  });

export type ShopSettingsFormInput = z.infer<typeof shopSettingsSchema>;
