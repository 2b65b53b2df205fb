/**
 * The delivery options checkout offers. Their codes are fixed (orders record them and the
 * checkout form posts them); their names, prices and free-delivery thresholds are the
 * merchant's, in /admin/settings.
 */
export const deliveryMethodCodes = ["standard", "express"] as const;
export type DeliveryMethodCode = (typeof deliveryMethodCodes)[number];
