/** Settings the e2e server starts with (scripts/e2e-server.ts), shared with the tests that need them. */
export const e2eServerSettings = {
  authSecret: "e2e-auth-secret-0123456789-abcdefghijklmnop",
  inventoryWebhookSecret: process.env.INVENTORY_WEBHOOK_SECRET ?? "e2e-inventory-secret-0123456789",
  /** Shared by the capture server (it signs delivery reports) and the shop (it verifies them). */
  resendWebhookSecret: `whsec_${Buffer.from("e2e-resend-webhook-secret-0123456789").toString("base64")}`,
};
