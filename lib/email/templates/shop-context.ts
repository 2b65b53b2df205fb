import { AsyncLocalStorage } from "node:async_hooks";

/** The shop's details every email's frame shows (name, contact, postal address), from its settings. */
export type EmailShop = { name: string; contactEmail: string; postalAddress: string };

/**
 * Set by sendEmail (lib/email/send.ts) around the rendering of each message, so every
 * template's frame shows the settings as saved when it is sent without each template passing
 * them down. (Not React context: this code is also bundled for server components, where
 * createContext does not exist.)
 */
export const emailShop = new AsyncLocalStorage<EmailShop>();
