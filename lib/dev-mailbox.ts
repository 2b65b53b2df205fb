/**
 * The local mailbox page (/dev/mailbox) exists only in development and in the demo started
 * by `npm start` (HEARTH_DEMO=1), and only when mail goes to the local capture server.
 */
export function devMailboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const local = env.NODE_ENV !== "production" || env.HEARTH_DEMO === "1";
  return local && Boolean(env.RESEND_BASE_URL) && /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(env.RESEND_BASE_URL ?? "");
}
