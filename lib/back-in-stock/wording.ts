/**
 * The words shown beside the "Email me when it's back" form, versioned like the consent
 * purposes (lib/consent/purposes.ts): each request records the id of the words it was made
 * under. A new wording gets a new id.
 */
export const backInStockWording = {
  id: "back-in-stock@2026-11",
  text: "One email when this option is back in stock, then we forget your request. This does not sign you up to our newsletter.",
} as const;

/** A guest's confirmation link works this long; an unconfirmed request is never sent anything. */
export const BACK_IN_STOCK_CONFIRMATION_DAYS = 7;
