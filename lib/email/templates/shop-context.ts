import { createContext } from "react";

/** The shop's details every email's frame shows (name, contact, postal address), from its settings. */
export type EmailShop = { name: string; contactEmail: string; postalAddress: string };

/** Provided by sendEmail (lib/email/send.ts) around each message it renders. */
export const EmailShopContext = createContext<EmailShop | null>(null);
