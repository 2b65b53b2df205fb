/*
 * Every abuse limit's numbers, in one place. Counted in PostgreSQL (rate_limit_hits, keyed
 * hashes only) by lib/privacy/rate-limit.ts, so every instance of the shop shares them. Limits
 * "per client" are per network address and multiplied by CLIENT_RATE_LIMIT_FACTOR (many people
 * can share one address: an office, a school, a mobile carrier; the e2e server raises it because
 * every test browser is 127.0.0.1). No window may exceed RATE_LIMIT_KEPT_MINUTES (retention).
 */

const HOUR = 60;
const DAY = 24 * 60;

export const abuseLimits = {
  /** Sign-in links to one address: enough for a lost email or two, not an inbox flood. */
  signInPerAddress: { limit: 5, windowMinutes: HOUR },
  /** Sign-in links from one client, whatever the addresses. */
  signInPerClient: { limit: 20, windowMinutes: HOUR },
  /** Sign-in links to a staff address (admin sign-in): staff rarely need more than one. */
  staffSignInPerAddress: { limit: 3, windowMinutes: HOUR },
  /** Sign-in links to staff addresses from one client: a script probing the admin. */
  staffSignInPerClient: { limit: 10, windowMinutes: HOUR },
  /** Newsletter confirmation emails to one address (every form: footer, /newsletter, /links, checkout). */
  newsletterPerAddress: { limit: 3, windowMinutes: DAY },
  /** Newsletter signups from one client. */
  newsletterPerClient: { limit: 10, windowMinutes: HOUR },
  /** Email-change confirmations asked by one account. */
  emailChangePerAccount: { limit: 5, windowMinutes: DAY },
  /** Back-in-stock confirmation emails to one address. */
  backInStockPerAddress: { limit: 5, windowMinutes: DAY },
  /** Back-in-stock requests from one client. */
  backInStockPerClient: { limit: 20, windowMinutes: HOUR },
  /**
   * Checkout attempts (submissions of the order form) from one client: a shopper fixing a typo
   * or a declined card retries a handful of times; a script placing junk orders is stopped.
   */
  checkoutPerClient: { limit: 30, windowMinutes: HOUR },
  /** Checkout attempts for one cart: far above any honest retrying (the idempotency key makes a double click one order). */
  checkoutPerCart: { limit: 20, windowMinutes: HOUR },
  /**
   * Wrong discount codes from one client. A code is counted when tried and forgotten when it
   * turns out valid; over the limit every code is refused, so a lucky guess is not revealed.
   */
  discountGuessesPerClient: { limit: 20, windowMinutes: HOUR },
  /** Wrong discount codes for one cart. */
  discountGuessesPerCart: { limit: 10, windowMinutes: HOUR },
  /**
   * Failed checks of emailed-link tokens from one client (preferences, unsubscribe, order
   * links, campaign links, confirmation links). Once reached, even a valid token is refused
   * until the window passes, so guessing stops paying; people clicking their own links fail almost never.
   */
  tokenFailuresPerClient: { limit: 30, windowMinutes: HOUR },
} as const satisfies Record<string, { limit: number; windowMinutes: number }>;

export type AbuseLimitName = keyof typeof abuseLimits;
